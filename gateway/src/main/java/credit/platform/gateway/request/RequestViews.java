package credit.platform.gateway.request;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import credit.platform.gateway.security.RouteScopes;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Builds the {@link RequestView} of a request, or says precisely why the request is refused.
 * Plain logic over the request's raw parts (no Spring exchange), so the rules are tested directly.
 */
public final class RequestViews {

    /** Longest path and query accepted; longer ones are 414 (no route has anything near this). */
    static final int MAX_PATH = 2_048;
    static final int MAX_QUERY = 4_096;
    static final int MAX_PARAMETERS = 32;

    private RequestViews() {
    }

    /** The raw parts of a request the view is built from. */
    public record RawRequest(String method, String rawPath, String rawQuery, List<String> purposeHeaders,
            String contentType, long contentLength, boolean chunked, String address) {

        public RawRequest {
            purposeHeaders = purposeHeaders == null ? List.of() : List.copyOf(purposeHeaders);
        }

        boolean hasBody() {
            return contentLength > 0 || chunked;
        }
    }

    /** The outcome: a view, or a refusal. */
    public sealed interface Outcome permits Accepted, Refused {
    }

    public record Accepted(RequestView view) implements Outcome {
    }

    /**
     * A refusal as problem+json.
     *
     * @param field the offending part ({@code path}, {@code query}, a parameter name, a header)
     * @param rule  the rule it breaks
     */
    public record Refused(HttpStatus status, String type, String title, String field, String rule, String message)
            implements Outcome {
    }

    public static Outcome build(RawRequest raw, LocalDate today) {
        String path = raw.rawPath() == null || raw.rawPath().isEmpty() ? "/" : raw.rawPath();
        Optional<Refused> pathProblem = pathProblem(path);
        if (pathProblem.isPresent()) {
            return pathProblem.get();
        }
        Map<String, String> query;
        try {
            query = query(raw.rawQuery());
        } catch (QueryException e) {
            return e.refusal;
        }
        if (raw.purposeHeaders().size() > 1) {
            return new Refused(HttpStatus.BAD_REQUEST, "purpose-required", "Purpose required", "X-Purpose", "single",
                    "send X-Purpose once");
        }
        Optional<RouteScopes.RouteScope> route = RouteScopes.match(raw.method(), path);
        if (route.isPresent() && route.get().body() == RouteScopes.Body.JSON && raw.hasBody()
                && !isJson(raw.contentType())) {
            return new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                    "Content-Type", "json", "the body of " + route.get() + " must be application/json");
        }
        Map<String, String> variables = route.map(r -> r.variables(path)).orElse(Map.of());
        List<SubjectRef> subjects = new ArrayList<>();
        if (route.isPresent() && route.get().access().personData()) {
            String subjectId = variables.get("subjectId");
            if (subjectId != null) {
                subjects.add(new SubjectRef.SubjectId(subjectId));
            }
            String recordId = variables.get("recordId");
            if (recordId != null) {
                subjects.add(new SubjectRef.RecordId(recordId));
            }
            String querySubject = query.get("subjectId");
            if (querySubject != null && !querySubject.isBlank()) {
                SubjectRef ref = new SubjectRef.SubjectId(querySubject.strip());
                if (!subjects.contains(ref)) {
                    subjects.add(ref);
                }
            }
            CanonicalIdentifiers.key(query.get("scheme"), query.get("value"), query.get("issuingCountry"), today)
                    .ifPresent(subjects::add);
        }
        String purpose = raw.purposeHeaders().isEmpty() ? null : raw.purposeHeaders().getFirst();
        return new Accepted(new RequestView(raw.method(), path, query, route, variables,
                RequestView.PurposeHeader.of(purpose), raw.address() == null ? "unknown" : raw.address(),
                Optional.empty(), subjects));
    }

    /**
     * Why {@code path} is not canonical, if it is not. A canonical path is {@code /} or
     * {@code /segment(/segment)*} where each segment is one or more of {@code A-Z a-z 0-9 - . _ ~}
     * and is neither {@code .} nor {@code ..}.
     */
    static Optional<Refused> pathProblem(String path) {
        if (path.length() > MAX_PATH) {
            return Optional.of(new Refused(HttpStatus.URI_TOO_LONG, "uri-too-long", "URI Too Long", "path", "length",
                    "the path is longer than " + MAX_PATH + " characters"));
        }
        if (path.charAt(0) != '/') {
            return Optional.of(notCanonical("absolute", "the path must start with /"));
        }
        if (path.equals("/")) {
            return Optional.empty();
        }
        int segmentStart = 1;
        for (int i = 1; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (c == '/') {
                String segment = path.substring(segmentStart, i);
                if (segment.isEmpty()) {
                    return Optional.of(notCanonical("empty-segment",
                            "empty path segments (// or a trailing /) are not accepted"));
                }
                if (segment.equals(".") || segment.equals("..")) {
                    return Optional.of(notCanonical("dot-segment", "dot-segments (. and ..) are not accepted"));
                }
                segmentStart = i + 1;
                continue;
            }
            if (c == '%') {
                return Optional.of(notCanonical("percent-encoding",
                        "percent-encoded characters are not accepted in the path; send them as they are"));
            }
            if (c == ';') {
                return Optional.of(notCanonical("matrix-parameter", "matrix parameters (;) are not accepted"));
            }
            if (!unreserved(c)) {
                return Optional.of(notCanonical("character",
                        "the path may hold only letters, digits and - . _ ~ between slashes"));
            }
        }
        return Optional.empty();
    }

    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static Refused notCanonical(String rule, String message) {
        return new Refused(HttpStatus.BAD_REQUEST, "non-canonical-path", "Non-canonical path", "path", rule, message);
    }

    private static final class QueryException extends Exception {
        final Refused refusal;

        QueryException(String field, String rule, String message) {
            super(message, null, false, false);
            this.refusal = new Refused(HttpStatus.BAD_REQUEST, "malformed-query", "Malformed query", field, rule,
                    message);
        }
    }

    /**
     * Decodes the raw query once: {@code &}-separated {@code name=value} pairs, {@code +} a space,
     * {@code %XX} a byte, the bytes UTF-8. Malformed escapes, bytes that are not UTF-8, a repeated
     * name or an empty name are refused: a value the gateway and a service could read differently
     * is never passed on.
     */
    static Map<String, String> query(String rawQuery) throws QueryException {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        if (rawQuery.length() > MAX_QUERY) {
            throw new QueryException("query", "length", "the query is longer than " + MAX_QUERY + " characters");
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            if (name.isBlank()) {
                throw new QueryException("query", "name", "a query parameter has no name");
            }
            if (values.containsKey(name)) {
                throw new QueryException(name, "single", "query parameter " + name + " is given more than once");
            }
            if (values.size() >= MAX_PARAMETERS) {
                throw new QueryException("query", "count", "more than " + MAX_PARAMETERS + " query parameters");
            }
            values.put(name, value);
        }
        return values;
    }

    private static String decode(String raw, String field) throws QueryException {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new QueryException(field, "percent-encoding",
                            "a % in the query must be followed by two hex digits (send a literal % as %25)");
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                int end = i + 1;
                while (end < raw.length() && raw.charAt(end) != '%' && raw.charAt(end) != '+') {
                    end++;
                }
                byte[] encoded = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new QueryException(field, "utf-8", "a query value is not UTF-8 once decoded");
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardType()
                    && !type.isWildcardSubtype()
                    || type.getType().equals("application") && type.getSubtype().endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
