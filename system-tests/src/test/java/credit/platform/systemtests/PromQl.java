package credit.platform.systemtests;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names (and the label names each is matched on) a PromQL expression reads. Enough of PromQL
 * for the platform's alerts and dashboard: selectors with label matchers, range and offset brackets,
 * functions, aggregations with {@code by}/{@code without}, binary operators and their modifiers.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    /** Metric name → the label names its selectors match on (empty when none), in order of appearance. */
    static Map<String, Set<String>> metrics(String expr) {
        // placeholders keep string positions; label values never count as names
        String text = STRING.matcher(expr).replaceAll("\"\"");
        Map<String, Set<String>> result = new LinkedHashMap<>();
        Matcher selector = SELECTOR.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (selector.find()) {
            String name = selector.group(1);
            Set<String> labels = new LinkedHashSet<>();
            Matcher m = MATCHER_LABEL.matcher(selector.group(2));
            while (m.find()) {
                if (m.group(1).equals("__name__")) {
                    throw new IllegalArgumentException("a metric chosen by __name__ cannot be checked: " + expr);
                }
                labels.add(m.group(1));
            }
            if (name != null) {
                result.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(labels);
            }
            selector.appendReplacement(rest, " ");
        }
        selector.appendTail(rest);
        String bare = GROUPING.matcher(rest.toString().replaceAll("\\[[^]]*]", " ")).replaceAll(" ");
        Matcher id = IDENTIFIER.matcher(bare);
        while (id.find()) {
            String name = id.group();
            boolean call = bare.substring(id.end()).stripLeading().startsWith("(");
            boolean number = id.start() > 0 && Character.isDigit(bare.charAt(id.start() - 1));
            if (!call && !number && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                result.computeIfAbsent(name, k -> new LinkedHashSet<>());
            }
        }
        return result;
    }
}
