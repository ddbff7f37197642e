package credit.platform.client.internal;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Adds {@code Authorization: Bearer <token>}; applied again on a retry, so it replaces, not appends. */
public final class BearerTokenInterceptor implements RequestInterceptor {

    private final ClientCredentialsTokens tokens;

    public BearerTokenInterceptor(ClientCredentialsTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void apply(RequestTemplate template) {
        template.removeHeader("Authorization");
        template.headerLiteral("Authorization", "Bearer " + tokens.token());
    }
}
