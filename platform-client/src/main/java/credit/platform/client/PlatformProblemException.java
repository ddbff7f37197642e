package credit.platform.client;

import java.util.List;
import java.util.Map;

/**
 * The platform answered with an error: an RFC 9457 problem (or, when the body was not one, just
 * the status). Subclasses name the common statuses; any other status is this class itself.
 */
public class PlatformProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final String instance;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public PlatformProblemException(int status, String type, String title, String detail, String instance,
            List<FieldError> errors, Map<String, Object> extensions) {
        super(message(status, title, detail));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** Copies a problem into a more specific exception type. */
    protected PlatformProblemException(PlatformProblemException problem) {
        this(problem.status, problem.type, problem.title, problem.detail, problem.instance, problem.errors,
                problem.extensions);
    }

    /** Extension member holding the answer's {@code Retry-After} (seconds), when it had one (429, 503). */
    public static final String RETRY_AFTER = "retryAfter";

    /** How long the platform asked to wait before trying again ({@code Retry-After}), if it said. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return extensions.get(RETRY_AFTER) instanceof Number seconds
                ? java.util.Optional.of(java.time.Duration.ofSeconds(seconds.longValue()))
                : java.util.Optional.empty();
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The problem type URI, {@code about:blank} when the answer was not a problem document. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The human explanation; may be null. */
    public String detail() {
        return detail;
    }

    /** The problem's {@code instance} member; may be null. */
    public String instance() {
        return instance;
    }

    /** Offending fields of a validation problem; empty otherwise. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Every member of the problem other than type, title, status, detail, instance and errors. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    private static String message(int status, String title, String detail) {
        StringBuilder message = new StringBuilder().append(status);
        if (title != null) {
            message.append(' ').append(title);
        }
        if (detail != null) {
            message.append(": ").append(detail);
        }
        return message.toString();
    }
}
