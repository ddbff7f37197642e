package credit.platform.gateway.security;

import java.time.Clock;
import java.util.List;

import credit.platform.common.security.JwkSetKeys;
import credit.platform.common.security.JwksProperties;
import credit.platform.common.security.JwtCache;
import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.request.RequestView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Deny by default: each line of {@link RouteScopes} is open, a person's, or needs its scope (or
 * {@code platform.admin}); a request whose view matched no line is refused. 401 and 403 are problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(JwksProperties.class)
public class SecurityConfiguration {

    private static final String AUTHORITY_PREFIX = "SCOPE_";

    /** The claim that makes a token a person's (docs/security.md): their resident ID. */
    public static final String CITIZEN_CLAIM = Callers.CITIZEN_CLAIM;

    /** The claim that makes a token a company representative's: the company's USCC. */
    public static final String COMPANY_CLAIM = "uscc";

    private static final AuthorizationDecision ALLOW = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENY = new AuthorizationDecision(false);

    private static Mono<AuthorizationResult> decide(Mono<Authentication> authentication, AuthorizationContext context) {
        RouteScopes.RouteScope line = RequestView.find(context.getExchange()).flatMap(RequestView::route).orElse(null);
        if (line == null) {
            return Mono.just(DENY);
        }
        if (line.open()) {
            return Mono.just(ALLOW);
        }
        return authentication.filter(Authentication::isAuthenticated)
                .<AuthorizationResult>map(a -> allows(line, a) ? ALLOW : DENY)
                .defaultIfEmpty(DENY);
    }

    /** The rule, stated once: a person's (company's) line needs a person's (representative's) token; any other line its scope or platform.admin. */
    static boolean allows(RouteScopes.RouteScope line, Authentication authentication) {
        if (line.scope().equals(RouteScopes.CITIZEN)) {
            return authentication instanceof JwtAuthenticationToken jwt && Callers.of(jwt.getToken()).citizen();
        }
        if (line.scope().equals(RouteScopes.COMPANY)) {
            // a company's representative: the company's USCC in the token (never a service client)
            return authentication instanceof JwtAuthenticationToken jwt && jwt.getToken().hasClaim(COMPANY_CLAIM)
                    && !jwt.getToken().getClaimAsString(COMPANY_CLAIM).isBlank();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(AUTHORITY_PREFIX + line.scope())
                        || a.equals(AUTHORITY_PREFIX + RouteScopes.ADMIN_SCOPE));
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemWriter problems, Environment environment) {
        boolean separateManagementPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        ServerAuthenticationEntryPoint unauthenticated = (exchange, ex) -> {
            ServerHttpResponse response = exchange.getResponse();
            response.getHeaders().set("WWW-Authenticate", wwwAuthenticate(ex));
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    ex instanceof InvalidBearerTokenException
                            ? "The bearer token is invalid, expired or not meant for this platform."
                            : "A bearer token is required.");
        };
        ServerAccessDeniedHandler forbidden = (exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "The token's scopes do not allow this request.");

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // one decision for every request, from the route line its request view matched
                // (RequestViewFilter ran first): open, a person's, a scope (or platform.admin), or denied
                .authorizeExchange(exchanges -> {
                    if (separateManagementPort) {
                        // the actuator's own port (metrics for the scraper, which the network policy lets
                        // in); this matcher matches nothing on the public port
                        exchanges.matchers(EndpointRequest.toAnyEndpoint()).permitAll();
                    }
                    exchanges.anyExchange().access(SecurityConfiguration::decide);
                })
                .oauth2ResourceServer(oauth2 -> oauth2
                        // Spring's converter's answers, without its regular expression over the whole JWT
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * Keys from the JWKS endpoint (fetched lazily, so no Keycloak is needed at start-up; bounded:
     * short timeouts, rate-limited, an unknown {@code kid} refused at once while the set is fresh —
     * platform-common's {@link JwkSetKeys}), then the default checks (signature, {@code exp}/{@code nbf}),
     * {@code iss} and {@code aud}. Each distinct token is validated once and then answered from
     * {@link JwtCache} until it expires ({@link CachingReactiveJwtDecoder}).
     */
    @Bean
    CachingReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties properties, JwksProperties jwks) {
        JwkSetKeys keys = JwkSetKeys.http(properties.jwkSetUri(), jwks.settings(), Clock.systemUTC());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Mono
                        .fromFuture(() -> keys.keysFor(jwt.getHeader().getKeyID()))
                        .flatMapMany(Flux::fromIterable))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                new AudienceValidator(properties.audience()))));
        // A JWKS fetch that fails (Keycloak down) surfaces as a bare exception; as a JwtException it
        // becomes an AuthenticationServiceException, which the error handler answers 503.
        ReactiveJwtDecoder mapped = token -> decoder.decode(token).onErrorMap(e -> !(e instanceof JwtException),
                e -> new JwtException("The authorization server's keys could not be fetched", e));
        return new CachingReactiveJwtDecoder(mapped, new JwtCache(Clock.systemUTC(), Math.max(1, jwks.tokenCacheSize())));
    }

    private static String wwwAuthenticate(AuthenticationException ex) {
        return ex instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
}
