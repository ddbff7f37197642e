package credit.platform.client.registry;

import java.util.List;

/**
 * A page of an import's error report.
 *
 * @param nextAfterLine pass as {@code afterLine} for the next page; null on the last page
 */
public record ImportErrorPage(List<ImportError> errors, Long nextAfterLine) {

    /** Why one line was rejected (the line's content is never echoed). */
    public record ImportError(long line, String field, String rule, String message) {
    }
}
