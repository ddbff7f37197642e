package credit.platform.common.security;

import java.util.List;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;

/**
 * Security set once for every service: Keycloak JWTs validated (issuer, audience, signature, expiry)
 * on REST and gRPC, deny by default on both. REST routes come from the service's {@link RestRoute}
 * beans; RPCs name their scope in the contract ({@link ProtoScopeAuthorizationManager}).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.grpc.server.autoconfigure.security.GrpcServerOAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@EnableConfigurationProperties({PlatformSecurityProperties.class, GatewayRelayProperties.class, JwksProperties.class})
public class PlatformSecurityAutoConfiguration {

    /** Outside callers only through the gateway: its service token relayed beside the caller's own. */
    @Bean
    @ConditionalOnMissingBean
    GatewayRelay gatewayRelay(JwtDecoder decoder, GatewayRelayProperties properties) {
        return new GatewayRelay(decoder, properties.required(), java.time.Clock.systemUTC());
    }

    /**
     * Decodes with the realm's JWKS, fetched lazily: a service starts (and reports ready) before
     * Keycloak does, and validates tokens as soon as Keycloak is up. Fetches are bounded (short
     * timeouts, rate-limited, an unknown {@code kid} refused at once while the set is fresh:
     * {@link JwkSetKeys}); each distinct token is validated once and then answered from
     * {@link JwtCache} until it expires.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PlatformSecurityProperties properties, JwksProperties jwks) {
        JwkSetKeys keys = JwkSetKeys.http(properties.jwkSetUri(), jwks.settings(), java.time.Clock.systemUTC());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.jwkSource()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                new AudienceValidator(properties.audience())));
        return jwks.tokenCacheSize() <= 0 ? decoder
                : new CachingJwtDecoder(decoder, new JwtCache(java.time.Clock.systemUTC(), jwks.tokenCacheSize()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityFilterChain.class)
    static class Rest {

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain platformRestSecurity(HttpSecurity http, List<RestRoute> routes, JwtDecoder decoder,
                Environment environment, GatewayRelay relay) throws Exception {
            String admin = Scopes.authority(Scopes.PLATFORM_ADMIN);
            boolean separateManagementPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
            http.csrf(csrf -> csrf.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(auth -> {
                        auth.requestMatchers("/actuator/health", "/actuator/health/**", "/livez", "/readyz").permitAll();
                        // the generated API description (no data); the gateway gathers it for integrators
                        auth.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll();
                        if (separateManagementPort) {
                            // the actuator's own port (metrics, Prometheus): open to whoever reaches it, which
                            // the network policy limits to the metrics scraper; this matcher matches nothing
                            // on the API port
                            auth.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
                        }
                        // open routes first: a public path under a scoped prefix stays open
                        List<RestRoute> ordered = new java.util.ArrayList<>(routes);
                        ordered.sort(java.util.Comparator.comparing(r -> !r.open()));
                        for (RestRoute route : ordered) {
                            String needed = Scopes.authority(route.scope());
                            var matcher = auth.requestMatchers(route.method(), route.pattern());
                            if (route.open()) {
                                matcher.permitAll();
                            } else if (route.requiredClaim().isPresent()) {
                                // a person's or a company's own data: their token's claim, never a scope
                                // (platform.admin has no identity here); only as relayed by the gateway
                                String claim = route.requiredClaim().get();
                                matcher.access((authentication, context) -> {
                                    boolean own = authentication.get() instanceof JwtAuthenticationToken jwt
                                            && (claim.equals(SubjectClaims.RESIDENT_ID)
                                                    ? SubjectClaims.residentId(jwt.getToken())
                                                    : SubjectClaims.uscc(jwt.getToken())).isPresent();
                                    if (!own) {
                                        return new AuthorizationDecision(false);
                                    }
                                    return relay.admits(authentication.get(),
                                            context.getRequest().getHeader(GatewayRelay.HEADER))
                                            ? new AuthorizationDecision(true) : new GatewayRequired();
                                });
                            } else {
                                matcher.access(relayedScope(needed, admin, relay));
                            }
                        }
                        auth.anyRequest().denyAll();
                    })
                    .oauth2ResourceServer(rs -> rs
                            .jwt(jwt -> jwt.decoder(decoder))
                            .authenticationEntryPoint(ProblemJsonSecurityHandlers.unauthenticated())
                            .accessDeniedHandler(ProblemJsonSecurityHandlers.forbidden()))
                    .exceptionHandling(e -> e
                            .authenticationEntryPoint(ProblemJsonSecurityHandlers.unauthenticated())
                            .accessDeniedHandler(ProblemJsonSecurityHandlers.forbidden()));
            return http.build();
        }
    }

    /**
     * The route's scope (or {@code platform.admin}), and the request relayed by the gateway unless the
     * caller is the service identity itself ({@link GatewayRelay}); a request with the right scope
     * that bypassed the gateway is refused as {@link GatewayRequired}.
     */
    static AuthorizationManager<RequestAuthorizationContext> relayedScope(String needed, String admin,
            GatewayRelay relay) {
        return (authentication, context) -> {
            Authentication auth = authentication.get();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return new AuthorizationDecision(false);
            }
            boolean scoped = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(a -> a.equals(needed) || a.equals(admin));
            if (!scoped) {
                return new AuthorizationDecision(false);
            }
            return relay.admits(auth, context.getRequest().getHeader(GatewayRelay.HEADER))
                    ? new AuthorizationDecision(true) : new GatewayRequired();
        };
    }

    /** A refusal because the request did not come through the gateway (403 {@code gateway-required}). */
    static final class GatewayRequired extends AuthorizationDecision {
        GatewayRequired() {
            super(false);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(GrpcSecurity.class)
    static class Grpc {

        @Bean
        @GlobalServerInterceptor
        @ConditionalOnMissingBean
        AuthenticationProcessInterceptor platformGrpcSecurity(GrpcSecurity grpc, JwtDecoder decoder, GatewayRelay relay) throws Exception {
            // the plain bearer header read without copying it twice; Spring's extractor, added by
            // oauth2ResourceServer after this one, judges every other header (GrpcBearerTokenExtractor)
            return grpc.authorizationManager(new ProtoScopeAuthorizationManager(relay))
                    .authenticationExtractor(new GrpcBearerTokenExtractor())
                    .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(decoder)))
                    .build();
        }
    }

}
