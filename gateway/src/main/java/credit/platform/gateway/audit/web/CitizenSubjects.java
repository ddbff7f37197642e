package credit.platform.gateway.audit.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import credit.platform.gateway.security.GatewayServiceToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Which registry subject a signed-in person (a company's representative: their company) is: their token
 * carries the resident ID (the USCC), the audit names
 * most accesses by subject id, so the access log asks the registry (lookup by identifier, with the
 * gateway's own client-credentials token, {@link GatewayServiceToken}) to find
 * both. Not found or the registry unreachable: empty, and the log says it could only match by
 * identifier.
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

    private final WebClient http = WebClient.create();
    private final GatewayServiceToken tokens;
    private final String registryUri;

    CitizenSubjects(GatewayServiceToken tokens,
            @Value("${credit.gateway.registry-uri:http://localhost:8081}") String registryUri) {
        this.tokens = tokens;
        this.registryUri = registryUri;
    }

    /** The registry subject holding identifier {@code value} of {@code scheme} (RESIDENT_ID, USCC). */
    Mono<Resolution> subjectOf(String scheme, String value) {
        // the token source blocks on its (cached, rarely refreshed) token request: off the event loop
        return tokens.token()
                .flatMap(bearer -> http.get()
                        .uri(registryUri + "/api/v1/subjects/lookup?scheme={scheme}&value={value}", scheme, value)
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
                    log.warn("access log: registry lookup of the signed-in person or company failed ({})",
                            e.getClass().getSimpleName());
                    tokens.invalidate();
                    return Mono.just(new Resolution(Optional.empty(), false));
                });
    }
}
