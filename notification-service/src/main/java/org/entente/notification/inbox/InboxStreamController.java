package org.entente.notification.inbox;

import org.entente.platform.caller.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A point of contact's inbox, live: an {@value InboxStreams#EVENT} event (alert id and status)
 * each time an alert of the caller's state enters the inbox or changes status. The alert itself
 * is read through {@code GET /api/v1/alerts/{id}}, which checks who may read it. A caller past
 * {@code entente.inbox.max-streams-per-caller} open streams is answered 429.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@PreAuthorize("hasRole('POC')")
class InboxStreamController {

    private final InboxStreams streams;
    private final InboxStreamProperties properties;

    InboxStreamController(InboxStreams streams, InboxStreamProperties properties) {
        this.streams = streams;
        this.properties = properties;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller) {
        return streams.open(caller.state(), caller.subject()).orElseThrow(this::tooManyStreams);
    }

    /** Retry after one heartbeat: by then a stream whose client went away without closing it is noticed and ended. */
    private ErrorResponseException tooManyStreams() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "This caller has "
                + properties.maxStreamsPerCaller() + " live inbox streams open, the most it may; close one before opening another.");
        problem.setTitle("Too many streams");
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.heartbeat().toSeconds())));
        return refused;
    }
}
