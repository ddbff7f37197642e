package credit.platform.gateway.request;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Anonymous visitors of the portal's public pages. The portal builds those pages from the open API,
 * so without help every visitor of one portal instance would draw on one anonymous budget (the
 * portal's address). The portal therefore calls the open routes with its own client-credentials token
 * and names the visitor's address in {@value #HEADER}; the gateway honours that header only on an open
 * route and only from a token of the portal's client ({@code credit.gateway.portal.client-id}), and then
 * counts the request as that visitor's own anonymous request ({@link CallerFilter}). From anyone else —
 * an anonymous caller, another client, a signed-in person — the header changes nothing.
 */
public final class PortalVisitors {

    /** The header naming the portal's visitor's address (an IPv4 or IPv6 literal). */
    public static final String HEADER = "X-Portal-Visitor";

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private PortalVisitors() {
    }

    /**
     * The visitor address the header values name, in the form the gateway writes a socket address
     * ({@code 203.0.113.7}, {@code 2001:db8:0:0:0:0:0:1}); empty when there is not exactly one value or
     * it is not an IP literal. Never resolves a name.
     */
    public static Optional<String> address(List<String> headerValues) {
        if (headerValues == null || headerValues.size() != 1) {
            return Optional.empty();
        }
        String value = headerValues.getFirst().strip();
        if (IPV4.matcher(value).matches()) {
            return Optional.of(value);
        }
        if (value.indexOf(':') < 0 || !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            // a string with ':' is parsed as an IPv6 literal or refused; it is never looked up
            return Optional.of(InetAddress.getByName(value).getHostAddress());
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
