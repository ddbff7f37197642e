package credit.platform.lists.record.domain;

/**
 * Who is asking, from their token.
 *
 * @param clientId      the client id ({@code azp}), recorded in the history
 * @param agency        the agency the client acts for ({@code agency} claim), or {@code null}
 * @param platformAdmin holds {@code platform.admin}: may write every list
 */
public record Actor(String clientId, String agency, boolean platformAdmin) {
}
