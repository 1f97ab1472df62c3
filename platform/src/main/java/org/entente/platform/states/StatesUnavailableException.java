package org.entente.platform.states;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The registered states cannot be told yet: this service has not read them from Kafka (its table
 * of {@code reference.states.v1} is starting or restoring, or holds no state at all, as before
 * notification-service first seeded them). Answered 503 with {@code Retry-After}, never as an
 * unknown state.
 */
public class StatesUnavailableException extends ErrorResponseException {

    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public StatesUnavailableException() {
        this(null);
    }

    public StatesUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "This service has not read the registered states from Kafka yet, so it cannot tell whether a state code "
                        + "is one of them. Retry in a moment.");
        problem.setTitle("States not loaded yet");
        return problem;
    }
}
