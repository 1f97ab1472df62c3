package org.entente.notification.inbox;

import org.entente.platform.caller.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A point of contact's inbox, live: an {@value InboxStreams#EVENT} event (alert id and status)
 * each time an alert of the caller's state enters the inbox or changes status. The alert itself
 * is read through {@code GET /api/v1/alerts/{id}}, which checks who may read it.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@PreAuthorize("hasRole('POC')")
class InboxStreamController {

    private final InboxStreams streams;

    InboxStreamController(InboxStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller) {
        return streams.open(caller.state());
    }
}
