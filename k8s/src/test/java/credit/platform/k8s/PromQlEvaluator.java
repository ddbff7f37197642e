package credit.platform.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slow, small PromQL evaluator for testing alert rules without a Prometheus: instant selectors with
 * {@code = != =~ !~} matchers, {@code rate(x[5m])} over a series' value now and five minutes ago,
 * {@code sum/min/max [by (…)]}, {@code absent}, comparisons that filter ({@code > < >= <= == !=}),
 * {@code + - * /} and {@code or}. Vectors match one-to-one on identical label sets (as Prometheus does
 * without {@code on}/{@code ignoring}). Anything else in an expression is refused, not guessed.
 */
final class PromQlEvaluator {

    /** One stored series: its labels (with {@code __name__}), its value now and five minutes ago. */
    record Series(Map<String, String> labels, double now, double fiveMinutesAgo) {
        static Series of(String name, double now, String... labelPairs) {
            return counter(name, now, now, labelPairs);
        }

        static Series counter(String name, double fiveMinutesAgo, double now, String... labelPairs) {
            Map<String, String> labels = new TreeMap<>();
            labels.put("__name__", name);
            for (int i = 0; i < labelPairs.length; i += 2) {
                labels.put(labelPairs[i], labelPairs[i + 1]);
            }
            return new Series(labels, now, fiveMinutesAgo);
        }
    }

    /** A sample of the result: its labels and value. */
    record Sample(Map<String, String> labels, double value) {
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[0-9]+(?:\\.[0-9]+)?(?:[smhd])?|[a-zA-Z_:][a-zA-Z0-9_:]*|=~|!~|>=|<=|==|!=|[(){}\\[\\],=<>+\\-*/])");

    private final List<Series> store;
    private List<String> tokens;
    private int at;

    PromQlEvaluator(List<Series> store) {
        this.store = store;
    }

    /** The samples {@code expr} selects; an alert fires for each (its {@code for} is not modelled). */
    List<Sample> evaluate(String expr) {
        tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(expr);
        int end = 0;
        while (m.lookingAt()) {
            tokens.add(m.group(1));
            end = m.end();
            m.region(end, expr.length());
        }
        if (!expr.substring(end).isBlank()) {
            throw new IllegalArgumentException("cannot read '" + expr.substring(end) + "' in " + expr);
        }
        at = 0;
        Object result = or();
        if (at != tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + tokens.get(at) + "' in " + expr);
        }
        if (!(result instanceof List<?>)) {
            throw new IllegalArgumentException("not a vector: " + expr);
        }
        @SuppressWarnings("unchecked")
        List<Sample> samples = (List<Sample>) result;
        return samples;
    }

    // ------------------------------------------------------------------ grammar (lowest precedence first)

    private Object or() {
        Object left = comparison();
        while (peek("or")) {
            next();
            List<Sample> l = vector(left);
            List<Sample> r = vector(comparison());
            List<Sample> union = new ArrayList<>(l);
            Set<Map<String, String>> seen = new java.util.HashSet<>();
            l.forEach(s -> seen.add(s.labels()));
            r.stream().filter(s -> !seen.contains(s.labels())).forEach(union::add);
            left = union;
        }
        return left;
    }

    private Object comparison() {
        Object left = additive();
        if (peek(">") || peek("<") || peek(">=") || peek("<=") || peek("==") || peek("!=")) {
            String op = next();
            Object right = additive();
            return binary(left, right, (a, b) -> switch (op) {
                case ">" -> a > b ? 1 : 0;
                case "<" -> a < b ? 1 : 0;
                case ">=" -> a >= b ? 1 : 0;
                case "<=" -> a <= b ? 1 : 0;
                case "==" -> a == b ? 1 : 0;
                default -> a != b ? 1 : 0;
            }, true);
        }
        return left;
    }

    private Object additive() {
        Object left = multiplicative();
        while (peek("+") || peek("-")) {
            String op = next();
            Object right = multiplicative();
            left = binary(left, right, op.equals("+") ? Double::sum : (a, b) -> a - b, false);
        }
        return left;
    }

    private Object multiplicative() {
        Object left = primary();
        while (peek("*") || peek("/")) {
            String op = next();
            Object right = primary();
            left = binary(left, right, op.equals("*") ? (a, b) -> a * b : (a, b) -> a / b, false);
        }
        return left;
    }

    private Object primary() {
        String t = next();
        if (t.equals("(")) {
            Object inner = or();
            expect(")");
            return inner;
        }
        if (Character.isDigit(t.charAt(0))) {
            return Double.parseDouble(t);
        }
        switch (t) {
            case "sum", "min", "max" -> {
                List<String> by = peek("by") ? by() : null;
                expect("(");
                List<Sample> inner = vector(or());
                expect(")");
                if (by == null && peek("by")) {
                    by = by();
                }
                return aggregate(t, by == null ? List.of() : by, inner);
            }
            case "absent" -> {
                expect("(");
                List<Sample> inner = vector(or());
                expect(")");
                return inner.isEmpty() ? List.of(new Sample(Map.of(), 1)) : List.of();
            }
            case "rate" -> {
                expect("(");
                List<Series> series = select(next());
                expect("[");
                String range = next();
                if (!range.equals("5m")) {
                    throw new IllegalArgumentException("only [5m] ranges are modelled, not " + range);
                }
                expect("]");
                expect(")");
                return series.stream().map(s -> new Sample(withoutName(s.labels()),
                        Math.max(0, s.now() - s.fiveMinutesAgo()) / 300.0)).toList();
            }
            default -> {
                if (peek("(")) {
                    throw new IllegalArgumentException("function " + t + " is not modelled");
                }
                return select(t).stream().map(s -> new Sample(s.labels(), s.now())).toList();
            }
        }
    }

    private List<Series> select(String name) {
        List<String[]> matchers = new ArrayList<>();
        if (peek("{")) {
            next();
            while (!peek("}")) {
                String label = next();
                String op = next();
                String quoted = next();
                matchers.add(new String[] {label, op, quoted.substring(1, quoted.length() - 1)});
                if (peek(",")) {
                    next();
                }
            }
            expect("}");
        }
        return store.stream().filter(s -> name.equals(s.labels().get("__name__"))).filter(s -> matchers.stream()
                .allMatch(m -> {
                    String value = s.labels().getOrDefault(m[0], "");
                    return switch (m[1]) {
                        case "=" -> value.equals(m[2]);
                        case "!=" -> !value.equals(m[2]);
                        case "=~" -> value.matches(m[2]);
                        case "!~" -> !value.matches(m[2]);
                        default -> throw new IllegalArgumentException("matcher " + m[1]);
                    };
                })).toList();
    }

    private List<String> by() {
        expect("by");
        expect("(");
        List<String> labels = new ArrayList<>();
        while (!peek(")")) {
            labels.add(next());
            if (peek(",")) {
                next();
            }
        }
        expect(")");
        return labels;
    }

    // ------------------------------------------------------------------ semantics

    private static List<Sample> aggregate(String op, List<String> by, List<Sample> inner) {
        Map<Map<String, String>, List<Double>> groups = new LinkedHashMap<>();
        for (Sample s : inner) {
            Map<String, String> key = new TreeMap<>();
            by.forEach(l -> {
                if (s.labels().containsKey(l)) {
                    key.put(l, s.labels().get(l));
                }
            });
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s.value());
        }
        List<Sample> result = new ArrayList<>();
        groups.forEach((key, values) -> result.add(new Sample(key, switch (op) {
            case "sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
            case "min" -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            default -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        })));
        return result;
    }

    /** A binary operation; a comparison keeps the samples for which it holds, with their left value. */
    private static Object binary(Object left, Object right, DoubleBinaryOperator op, boolean comparison) {
        if (left instanceof Double a && right instanceof Double b) {
            return op.applyAsDouble(a, b);
        }
        List<Sample> result = new ArrayList<>();
        if (right instanceof Double b) {
            for (Sample s : vector(left)) {
                double v = op.applyAsDouble(s.value(), b);
                if (!comparison || v == 1) {
                    result.add(new Sample(withoutName(s.labels()), comparison ? s.value() : v));
                }
            }
        } else if (left instanceof Double a) {
            for (Sample s : vector(right)) {
                double v = op.applyAsDouble(a, s.value());
                if (!comparison || v == 1) {
                    result.add(new Sample(withoutName(s.labels()), comparison ? s.value() : v));
                }
            }
        } else {
            Map<Map<String, String>, Double> rights = new LinkedHashMap<>();
            vector(right).forEach(s -> rights.put(withoutName(s.labels()), s.value()));
            for (Sample s : vector(left)) {
                Double r = rights.get(withoutName(s.labels()));
                if (r != null) {
                    double v = op.applyAsDouble(s.value(), r);
                    if (!comparison || v == 1) {
                        result.add(new Sample(withoutName(s.labels()), comparison ? s.value() : v));
                    }
                }
            }
        }
        return result;
    }

    private static Map<String, String> withoutName(Map<String, String> labels) {
        Map<String, String> copy = new TreeMap<>(labels);
        copy.remove("__name__");
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<Sample> vector(Object value) {
        if (value instanceof List<?> list) {
            return (List<Sample>) list;
        }
        throw new IllegalArgumentException("a vector is needed here, not the scalar " + value);
    }

    private boolean peek(String token) {
        return at < tokens.size() && tokens.get(at).equals(token);
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("the expression ends too early");
        }
        return tokens.get(at++);
    }

    private void expect(String token) {
        String t = next();
        if (!t.equals(token)) {
            throw new IllegalArgumentException("expected '" + token + "', found '" + t + "'");
        }
    }
}
