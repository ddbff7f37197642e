package credit.platform.common.mongo;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import credit.platform.common.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A database that cannot be reached is a 503 problem ({@value DatabaseUnavailable#PROBLEM_TYPE}, with
 * {@code Retry-After}), in every servlet service, whichever controller hit it. Spring matches these
 * types anywhere in the cause chain (a {@code DataAccessResourceFailureException} wrapping a
 * {@code MongoTimeoutException} included), and this advice is asked before the services' own advice
 * and before the catch-all 500 of {@code CommonProblemHandler}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailableProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableProblemHandler.class);

    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class, MongoServerUnavailableException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
        // method, route and exception class only: never the body or the query string
        log.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
                request.getRequestURI(), e.getClass().getSimpleName());
        return response();
    }

    /** The 503 problem for a database that cannot be reached. */
    public static ResponseEntity<ProblemDetail> response() {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.PROBLEM_TYPE,
                "Database unavailable", DatabaseUnavailable.DETAIL);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
