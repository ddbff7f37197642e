package credit.platform.common.security;

/** The platform's OAuth2 scopes and how Spring Security names them as authorities. */
public final class Scopes {

    /** Holders of this scope may call every route and RPC. */
    public static final String PLATFORM_ADMIN = "platform.admin";

    /**
     * The service identity: held only by the platform's service client ({@code credit-services}).
     * Needed for every RPC a contract marks {@code service_only}; {@link #PLATFORM_ADMIN} does not replace it.
     */
    public static final String PLATFORM_INTERNAL = "platform.internal";

    private Scopes() {
    }

    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
