package credit.platform.registry.subject.domain;

/** One broken rule of a request: the field, the rule's stable name, and a sentence a clerk can act on. */
public record Violation(String field, String rule, String message) {
}
