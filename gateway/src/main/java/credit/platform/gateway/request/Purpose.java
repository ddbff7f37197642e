package credit.platform.gateway.request;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a client looks at a person's data: the fixed vocabulary of the {@code X-Purpose} header
 * (docs/security.md). A read of person data without one of these is refused.
 */
public enum Purpose {
    /** Enforcing a judgment or a joint sanction. */
    ENFORCEMENT,
    /** Deciding on a licence, permit or administrative approval. */
    LICENSING,
    /** Checking a bidder in public procurement. */
    PROCUREMENT,
    /** Regulatory supervision and inspection. */
    SUPERVISION,
    /** Handling the subject's objection or credit-repair application. */
    OBJECTION_REVIEW,
    /** Correcting or maintaining the register itself. */
    DATA_MAINTENANCE;

    public static Optional<Purpose> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String wanted = header.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(p -> p.name().equals(wanted)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
