package org.entente.platform.problem;

import java.util.Comparator;
import java.util.List;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.entente.platform.http.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error an Entente API returns is an RFC 9457 problem detail; a bad request lists every bad
 * field under {@code errors}, so a client fixes them all in one round.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    static final String INVALID_TITLE = "Invalid request";

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> handleInvalidRequest(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(invalid(e.violations()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldViolation(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = cause(e, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + tooLarge.maxBytes() + " bytes."));
        }
        if (e.getCause() instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String field = bind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            String message = bind instanceof UnrecognizedPropertyException ? "is not a known field" : "has an unreadable value";
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldViolation(field, message))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The body is not valid JSON.");
        problem.setTitle(INVALID_TITLE);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Anything unforeseen: logged here, and the caller learns nothing of the internals. Refusals
     * by method security go on to Spring Security, which answers them 401 or 403; a Kafka Streams
     * view still restoring (after a start or a rebalance) is a 503 to retry.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (cause(e, InvalidStateStoreException.class) != null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                            "This view is being rebuilt from Kafka; retry in a moment."));
        }
        log.error("Unexpected error answering a request", e);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing you sent was at fault."));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    static ProblemDetail invalid(List<FieldViolation> violations) {
        List<FieldViolation> sorted = violations.stream()
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                sorted.size() == 1 ? "1 field is invalid." : sorted.size() + " fields are invalid.");
        problem.setTitle(INVALID_TITLE);
        problem.setProperty("errors", sorted);
        return problem;
    }
}
