package credit.platform.gateway.problem;

import org.springframework.http.HttpStatus;

/** A failure the gateway itself names: answered as problem {@code type} with this status and detail. */
public class GatewayProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String typeName;

    public GatewayProblemException(HttpStatus status, String typeName, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.typeName = typeName;
    }

    public HttpStatus status() {
        return status;
    }

    public String typeName() {
        return typeName;
    }
}
