package credit.platform.common.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns framework-level input errors into problem+json naming the field and the rule. Runs after
 * each service's own advice (which maps its domain exceptions). Never returns a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class CommonProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(CommonProblemHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return Problems.invalid(e.violations());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), String.valueOf(f.getCode()), String.valueOf(f.getDefaultMessage())))
                .toList();
        return Problems.invalid(violations);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return Problems.invalid(List.of(new FieldViolation("body", "readable-json",
                "the request body is missing or is not valid JSON of the expected shape")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return Problems.invalid(List.of(new FieldViolation(e.getParameterName(), "required",
                "query parameter " + e.getParameterName() + " is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(List.of(new FieldViolation(e.getName(), "type",
                e.getName() + " has a value of the wrong type")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noRoute(NoResourceFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported Media Type", "The request body must be application/json.");
        problem.setProperty("errors", List.of(new FieldViolation("Content-Type", "json",
                "the body must be application/json")));
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not Acceptable",
                "The answer is application/json (errors application/problem+json); the Accept header allows neither.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed",
                "This resource does not answer " + e.getMethod() + ".");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return Problems.invalid(List.of(new FieldViolation(e.getHeaderName(), "required",
                "header " + e.getHeaderName() + " is required")));
    }

    /**
     * Anything else: a framework answer that carries its own 4xx status (a malformed multipart, a
     * binding failure, a {@code ResponseStatusException}) keeps that status as problem+json — never
     * a 500 for bad input; the rest is an internal error, logged by class.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.resolve(framework.getStatusCode().value());
            if (status != null) {
                return Problems.of(status, status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                        status.getReasonPhrase(), "The request could not be accepted as sent.");
            }
        }
        log.error("Unexpected error while handling a request: {}", e.getClass().getName(), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed. It has been logged.");
    }
}
