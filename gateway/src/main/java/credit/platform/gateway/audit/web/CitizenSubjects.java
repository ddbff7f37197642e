package credit.platform.gateway.audit.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import credit.platform.gateway.security.GatewaySecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Which registry subject a signed-in person is: their token carries the resident ID, the audit names
 * most accesses by subject id, so the access log asks the registry (lookup by identifier, with the
 * gateway's own client-credentials token) to find both. Not found or the registry unreachable:
 * empty, and the log says it could only match by identifier.
 */
@Component
class CitizenSubjects {

    private static final Logger log = LoggerFactory.getLogger(CitizenSubjects.class);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** What the lookup found: the subject id, or none (with whether the registry answered at all). */
    record Resolution(Optional<String> subjectId, boolean registryAnswered) {
    }

    private record Token(String value, Instant refreshAfter) {
    }

    private final WebClient http;
    private final GatewaySecurityProperties security;
    private final String registryUri;
    private final Clock clock;
    private final AtomicReference<Token> token = new AtomicReference<>();

    @Autowired
    CitizenSubjects(GatewaySecurityProperties security,
            @Value("${credit.gateway.registry-uri:http://localhost:8081}") String registryUri) {
        this(WebClient.create(), security, registryUri, Clock.systemUTC());
    }

    CitizenSubjects(WebClient http, GatewaySecurityProperties security, String registryUri, Clock clock) {
        this.http = http;
        this.security = security;
        this.registryUri = registryUri;
        this.clock = clock;
    }

    Mono<Resolution> subjectOf(String residentId) {
        return serviceToken()
                .flatMap(bearer -> http.get()
                        .uri(registryUri + "/api/v1/subjects/lookup?scheme=RESIDENT_ID&value={value}", residentId)
                        .headers(h -> h.setBearerAuth(bearer))
                        .accept(MediaType.APPLICATION_JSON)
                        .retrieve()
                        .bodyToMono(JSON))
                .timeout(TIMEOUT)
                .map(body -> new Resolution(Optional.ofNullable((String) body.get("id")), true))
                .onErrorResume(WebClientResponseException.NotFound.class,
                        e -> Mono.just(new Resolution(Optional.empty(), true)))
                .onErrorResume(e -> {
                    // never the identifier: only that the link could not be made
                    log.warn("access log: registry lookup of the signed-in person failed ({})", e.getClass().getSimpleName());
                    token.set(null);
                    return Mono.just(new Resolution(Optional.empty(), false));
                });
    }

    private Mono<String> serviceToken() {
        Token current = token.get();
        if (current != null && clock.instant().isBefore(current.refreshAfter())) {
            return Mono.just(current.value());
        }
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", security.clientId());
        form.add("client_secret", security.clientSecret());
        return http.post().uri(security.tokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .retrieve()
                .bodyToMono(JSON)
                .map(body -> {
                    String value = (String) body.get("access_token");
                    long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue() : 60;
                    token.set(new Token(value, clock.instant().plusSeconds(Math.max(0, expiresIn - 30))));
                    return value;
                });
    }
}
