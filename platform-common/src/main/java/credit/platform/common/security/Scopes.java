package credit.platform.common.security;

/** The platform's OAuth2 scopes and how Spring Security names them as authorities. */
public final class Scopes {

    /** Holders of this scope may call every route and RPC. */
    public static final String PLATFORM_ADMIN = "platform.admin";

    private Scopes() {
    }

    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
