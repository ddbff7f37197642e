package credit.platform.common.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with the platform's stable type URIs:
 * {@code https://credit.example/problems/<name>}.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://credit.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String name, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + name));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<FieldViolation> violations) {
        String detail = violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid.");
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "rule", v.rule(), "message", v.message()))
                .toList());
        return problem;
    }

    /** A minimal problem+json body, for places that cannot use Spring's message converters. */
    public static String json(int status, String name, String title, String detail) {
        return "{\"type\":\"" + TYPE_BASE + name + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
