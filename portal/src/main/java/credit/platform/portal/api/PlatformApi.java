package credit.platform.portal.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The platform's REST API through the gateway — the portal's only source of data. Public pages call
 * the open public routes with the portal's own token for the visitor ({@link VisitorRelay}); signed-in pages with the user's own access token, so
 * every read is authorised, carries its purpose ({@code X-Purpose}, where the gateway audits it) and is
 * audited like any other. Answers are kept as parsed JSON (maps and lists) for the templates; a failure
 * to reach the gateway is an answer with status 503.
 */
@Component
public class PlatformApi {

    public static final String PURPOSE = "X-Purpose";
    private static final Logger log = LoggerFactory.getLogger(PlatformApi.class);

    private final RestClient http;
    private final VisitorRelay relay;

    PlatformApi(RestClient.Builder builder, PortalProperties properties, VisitorRelay relay) {
        this.relay = relay;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
        factory.setReadTimeout(properties.apiTimeout());
        this.http = builder.baseUrl(properties.gatewayUri()).requestFactory(factory).build();
    }

    /** The gateway's answer: its status and its JSON body (a map, a list, or null). */
    public record Answer(int status, Object body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        @SuppressWarnings("unchecked")
        public List<Object> list() {
            return body instanceof List<?> l ? (List<Object>) l : List.of();
        }

        /** The problem's detail (problem+json), for the page to show. */
        public String detail() {
            Object d = map().get("detail");
            return d == null ? null : d.toString();
        }

        /** The problem's field violations ({@code errors: [{field, rule, message}]}). */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            Object e = map().get("errors");
            return e instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        }
    }

    /**
     * A public read (an open route) for the visitor of the current page: with the portal's own token
     * and the visitor's address ({@link VisitorRelay}), so the gateway counts it in that visitor's own
     * budget; without a token when the portal's cannot be had.
     */
    public Answer getPublic(String path, Object... uriVariables) {
        return getPublic(visitorAddress(), path, uriVariables);
    }

    /** One public read of {@link #getPublicTogether}: a route and its variables. */
    public record PublicRead(String path, Object... uriVariables) {
    }

    /**
     * Several public reads for the current page, made at the same time (virtual threads), so the page waits
     * for the slowest of them rather than for their sum; answers in the order asked. Each is what
     * {@link #getPublic} answers (a failure is a 503 answer, never an exception).
     */
    public List<Answer> getPublicTogether(PublicRead... reads) {
        Optional<String> visitor = visitorAddress();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answer>> answers = new ArrayList<>(reads.length);
            for (PublicRead read : reads) {
                answers.add(threads.submit(() -> getPublic(visitor, read.path(), read.uriVariables())));
            }
            List<Answer> out = new ArrayList<>(reads.length);
            for (Future<Answer> answer : answers) {
                out.add(answer.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Collections.nCopies(reads.length, new Answer(503, null));
        } catch (ExecutionException e) {
            // getPublic answers a failure as 503 rather than throwing; anything else is a bug
            throw new IllegalStateException(e.getCause());
        }
    }

    private Answer getPublic(Optional<String> visitor, String path, Object... uriVariables) {
        Optional<String> token = visitor.isPresent() ? relay.token() : Optional.empty();
        if (token.isEmpty()) {
            return call("GET", path, null, null, null, null, uriVariables);
        }
        Answer answer = call("GET", path, token.get(), null, visitor.get(), null, uriVariables);
        if (answer.status() == 401) {
            // the gateway did not accept the portal's token (expired early, keys rotated): ask anonymously
            relay.forget();
            return call("GET", path, null, null, null, null, uriVariables);
        }
        return answer;
    }

    /** The address of the visitor whose page is being built (behind the edge: server.forward-headers-strategy). */
    private static Optional<String> visitorAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable(attributes.getRequest().getRemoteAddr()).filter(a -> !a.isBlank());
        }
        return Optional.empty();
    }

    /** A signed-in read with the user's token; {@code purpose} where the gateway audits the route (else null). */
    public Answer get(String token, String purpose, String path, Object... uriVariables) {
        return call("GET", path, token, purpose, null, null, uriVariables);
    }

    /** A signed-in write with the user's token. */
    public Answer post(String token, String purpose, Object body, String path, Object... uriVariables) {
        return call("POST", path, token, purpose, null, body, uriVariables);
    }

    private Answer call(String method, String path, String token, String purpose, String visitor, Object body,
            Object... vars) {
        try {
            RestClient.RequestBodySpec spec = http.method(org.springframework.http.HttpMethod.valueOf(method))
                    .uri(path, vars)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .headers(h -> {
                        if (token != null) {
                            h.setBearerAuth(token);
                        }
                        if (purpose != null) {
                            h.set(PURPOSE, purpose);
                        }
                        if (visitor != null) {
                            h.set(VisitorRelay.HEADER, visitor);
                        }
                    });
            if (body != null) {
                spec.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return spec.exchange((request, response) -> {
                int status = response.getStatusCode().value();
                Object parsed = null;
                MediaType type = response.getHeaders().getContentType();
                if (type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
                    parsed = response.bodyTo(Object.class);
                }
                return new Answer(status, parsed);
            });
        } catch (RuntimeException e) {
            // never the path's query (it may hold an identifier): the route template only
            log.warn("platform API {} {} failed: {}", method, path, e.getClass().getSimpleName());
            return new Answer(503, null);
        }
    }
}
