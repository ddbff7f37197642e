package credit.platform.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 problem details (type, title, status, detail) and nothing else: no stack traces.
 * Every problem the gateway answers itself (401, 403, 413, 429, 503 …) is counted as
 * {@code gateway.problems{status, type}}: the gateway's own rejections, apart from the services' answers.
 */
@Component
public class ProblemWriter {

    private final MeterRegistry meters;

    public ProblemWriter() {
        this((MeterRegistry) null);
    }

    @Autowired
    public ProblemWriter(ObjectProvider<MeterRegistry> meters) {
        this(meters.getIfAvailable());
    }

    private ProblemWriter(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Stable problem type URIs share this prefix (docs/architecture.md). */
    public static final String TYPE_PREFIX = "https://credit.example/problems/";

    private final JsonMapper json = JsonMapper.builder().build();

    /** One offending input: the field (or header) and the rule it breaks, as in the services' problems. */
    public record FieldViolation(String field, String rule, String message) {
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String typeName, String title,
            String detail) {
        return write(exchange, status, typeName, title, detail, List.of());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String typeName, String title,
            String detail, List<FieldViolation> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + typeName);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        byte[] body = json.writeValueAsBytes(problem);
        if (meters != null) {
            meters.counter("gateway.problems", "status", Integer.toString(status.value()), "type", typeName).increment();
        }

        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
