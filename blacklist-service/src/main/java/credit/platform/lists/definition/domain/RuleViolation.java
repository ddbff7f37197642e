package credit.platform.lists.definition.domain;

/**
 * One rule a request broke: the field (as the caller named it), the rule's stable name and a
 * sentence a clerk can act on.
 */
public record RuleViolation(String field, String rule, String message) {
}
