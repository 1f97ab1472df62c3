package org.entente.notification.checks;

import java.util.List;

import org.entente.events.CommunicationCheckAcknowledged;
import org.entente.events.EventMetadata;
import org.entente.platform.caller.Caller;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.platform.kafka.DurablePublisher;
import org.entente.schemas.Topics;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A point of contact's communication checks: its own state's only; another state's check is not
 * found, exactly as a missing one. An acknowledgement is recorded as an event, answered 202 once
 * Kafka has it; acknowledging a check already acknowledged is 200, one already missed 409.
 */
@RestController
@RequestMapping("/api/v1/communication-checks")
@PreAuthorize("hasRole('POC')")
class CommunicationCheckController {

    private final CommunicationCheckQueries checks;
    private final DurablePublisher publisher;
    private final EventMetadataFactory metadata;

    CommunicationCheckController(CommunicationCheckQueries checks, DurablePublisher publisher, EventMetadataFactory metadata) {
        this.checks = checks;
        this.publisher = publisher;
        this.metadata = metadata;
    }

    @GetMapping
    List<CommunicationCheckView> list(Caller caller) {
        return checks.of(caller.state());
    }

    @PostMapping("/{id}/acknowledgement")
    ResponseEntity<Void> acknowledge(@PathVariable String id, Caller caller) {
        CommunicationCheckView check = checks.of(caller.state()).stream().filter(view -> view.id().equals(id)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No communication check " + id));
        if (!check.status().equals(CommunicationCheckView.OPEN)) {
            if (check.acknowledgedAt() == null) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "The communication check was " + check.status()
                        + " and can no longer be acknowledged");
            }
            return ResponseEntity.ok().build();
        }
        EventMetadata event = metadata.now(null);
        publisher.publish(Topics.COMMUNICATION_CHECKS.name(), caller.state(), CommunicationCheckAcknowledged.newBuilder()
                .setMetadata(event)
                .setCheckId(id)
                .setRecipientState(caller.state())
                .setAcknowledgedBy(caller.subject())
                .setAcknowledgedAt(event.getOccurredAt())
                .build());
        return ResponseEntity.accepted().build();
    }
}
