package credit.platform.client;

/**
 * One offending field of a rejected request, from the problem's {@code errors} member.
 *
 * @param field   the field path, e.g. {@code identifiers[0].value}
 * @param rule    the rule it broke, e.g. {@code CHECK_DIGIT}
 * @param message a human explanation
 */
public record FieldError(String field, String rule, String message) {
}
