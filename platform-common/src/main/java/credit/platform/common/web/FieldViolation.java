package credit.platform.common.web;

/**
 * One reason a request was rejected: which field, which rule it broke, and a sentence a clerk can
 * act on ("check character is 3, expected X").
 */
public record FieldViolation(String field, String rule, String message) {
}
