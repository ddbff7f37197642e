package credit.platform.gateway.grpcproxy;

import java.time.Duration;

import credit.platform.gateway.traffic.TrafficProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's gRPC front door for the sanctions contract ({@code credit.sanctions.v1}).
 *
 * @param enabled         whether the gateway listens for gRPC at all
 * @param port            plaintext HTTP/2 port (0: any free port, for tests)
 * @param upstream        the sanctions service's gRPC address, {@code host:port} or
 *                        {@code static://host:port} (the form Spring gRPC channel targets use)
 * @param maxMessageSize  the largest request message passed through; a bigger one ends the call with
 *                        RESOURCE_EXHAUSTED
 * @param maxAnswerSize   the largest answer message passed through (a 10 000-passenger batch with
 *                        self-contained receipts is ~20 MB); a bigger one ends the call with RESOURCE_EXHAUSTED
 * @param defaultDeadline the deadline of a call whose caller set none; a caller's own deadline
 *                        is passed on as it is
 * @param breaker         failure rate and open time of the circuit breaker in front of the service
 *                        (its {@code timeout} is not used: deadlines bound a gRPC call)
 */
@ConfigurationProperties("credit.gateway.grpc")
public record GrpcProxyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("9090") int port,
        @DefaultValue("static://localhost:9094") String upstream,
        @DefaultValue("4MB") DataSize maxMessageSize,
        @DefaultValue("64MB") DataSize maxAnswerSize,
        @DefaultValue("10s") Duration defaultDeadline,
        @DefaultValue TrafficProperties.Breaker breaker) {

    /** {@link #upstream} as a grpc-java target ({@code host:port}). */
    public String upstreamTarget() {
        return upstream.startsWith("static://") ? upstream.substring("static://".length()) : upstream;
    }
}
