package credit.platform.registry.bulkimport.domain;

/** Why one line of an import was rejected. Never carries the line's content (it may hold ID numbers). */
public record ImportError(long line, String field, String rule, String message) {
}
