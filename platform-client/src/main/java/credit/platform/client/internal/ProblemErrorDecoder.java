package credit.platform.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import credit.platform.client.ConflictException;
import credit.platform.client.FieldError;
import credit.platform.client.ForbiddenException;
import credit.platform.client.InvalidRequestException;
import credit.platform.client.NotFoundException;
import credit.platform.client.PlatformProblemException;
import credit.platform.client.UnauthenticatedException;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem+json answers to typed exceptions. A 401 also tells the token cache that its
 * token was rejected and asks {@link RefreshTokenOnceRetryer} for one more try.
 */
public final class ProblemErrorDecoder implements ErrorDecoder {

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance",
            "errors");
    private static final int MAX_DETAIL_CHARS = 500;

    private final JsonMapper json;
    private final ClientCredentialsTokens tokens;

    public ProblemErrorDecoder(JsonMapper json, ClientCredentialsTokens tokens) {
        this.json = json;
        this.tokens = tokens;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        PlatformProblemException problem = typed(read(response));
        if (problem instanceof UnauthenticatedException unauthenticated) {
            String rejected = bearerToken(response);
            if (rejected != null) {
                tokens.invalidate(rejected);
            }
            return new TokenRejected(unauthenticated, response);
        }
        return problem;
    }

    /** The retryable wrapper of a 401; {@link RefreshTokenOnceRetryer} unwraps it. */
    static final class TokenRejected extends RetryableException {

        private final transient UnauthenticatedException problem;

        TokenRejected(UnauthenticatedException problem, Response response) {
            super(401, problem.getMessage(), response.request().httpMethod(), problem, (Long) null,
                    response.request());
            this.problem = problem;
        }

        UnauthenticatedException problem() {
            return problem;
        }
    }

    static PlatformProblemException typed(PlatformProblemException problem) {
        return switch (problem.status()) {
            case 400 -> new InvalidRequestException(problem);
            case 401 -> new UnauthenticatedException(problem);
            case 403 -> new ForbiddenException(problem);
            case 404 -> new NotFoundException(problem);
            case 409 -> new ConflictException(problem);
            default -> problem;
        };
    }

    private PlatformProblemException read(Response response) {
        PlatformProblemException problem = readBody(response);
        Long retryAfter = retryAfterSeconds(response);
        if (retryAfter == null) {
            return problem;
        }
        Map<String, Object> extensions = new LinkedHashMap<>(problem.extensions());
        extensions.put(PlatformProblemException.RETRY_AFTER, retryAfter);
        return new PlatformProblemException(problem.status(), problem.type(), problem.title(), problem.detail(),
                problem.instance(), problem.errors(), extensions);
    }

    /** The {@code Retry-After} header in seconds (the platform sends whole seconds), or null. */
    private static Long retryAfterSeconds(Response response) {
        Collection<String> values = response.headers().get("Retry-After");
        if (values == null) {
            values = response.headers().get("retry-after");
        }
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(values.iterator().next().strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private PlatformProblemException readBody(Response response) {
        int status = response.status();
        String reason = response.reason();
        byte[] body = body(response);
        JsonNode node = null;
        if (body.length > 0) {
            try {
                node = json.readTree(body);
            } catch (JacksonException e) {
                node = null;
            }
        }
        if (node == null || !node.isObject()) {
            String text = body.length == 0 ? null : new String(body, response.charset()).strip();
            if (text != null && text.length() > MAX_DETAIL_CHARS) {
                text = text.substring(0, MAX_DETAIL_CHARS) + "…";
            }
            return new PlatformProblemException(status, "about:blank", reason, text == null || text.isEmpty()
                    ? null : text, null, List.of(), Map.of());
        }
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : node.path("errors")) {
            errors.add(new FieldError(text(error, "field"), text(error, "rule"), text(error, "message")));
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!STANDARD_MEMBERS.contains(member.getKey()) && !member.getValue().isNull()) {
                extensions.put(member.getKey(), json.treeToValue(member.getValue(), Object.class));
            }
        }
        String type = text(node, "type");
        return new PlatformProblemException(status, type == null ? "about:blank" : type,
                text(node, "title") == null ? reason : text(node, "title"), text(node, "detail"),
                text(node, "instance"), errors, extensions);
    }

    private static byte[] body(Response response) {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String bearerToken(Response response) {
        Collection<String> values = response.request().headers().get("Authorization");
        if (values == null) {
            return null;
        }
        return values.stream().filter(v -> v.startsWith("Bearer ")).map(v -> v.substring("Bearer ".length()))
                .findFirst().orElse(null);
    }
}
