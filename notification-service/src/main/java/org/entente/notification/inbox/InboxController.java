package org.entente.notification.inbox;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertLifecycle;
import org.entente.events.AlertResponseSubmitted;
import org.entente.events.CommitmentKind;
import org.entente.platform.caller.Caller;
import org.entente.platform.kafka.DurablePublisher;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.entente.schemas.Labels;
import org.entente.schemas.Topics;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A point of contact's inbox: its own state's alerts only; another state's alert is not found,
 * exactly as a missing one. Acknowledgements and responses are recorded as events, answered 202
 * once Kafka has them; the alert shows them moments later.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@PreAuthorize("hasRole('POC')")
class InboxController {

    static final Set<String> STATUSES = Set.of("delivered", "escalated", "acknowledged");
    static final int MAX_RESPONSE = 20_000;

    private final InboxView inbox;
    private final DurablePublisher publisher;
    private final AnswerClock answers;

    InboxController(InboxView inbox, DurablePublisher publisher, AnswerClock answers) {
        this.inbox = inbox;
        this.publisher = publisher;
        this.answers = answers;
    }

    record ResponseRequest(String kind, String text) {
    }

    @GetMapping
    List<AlertView> list(Caller caller, @RequestParam(required = false) String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequestException(List.of(new FieldViolation("status", "must be one of acknowledged, delivered, escalated")));
        }
        return inbox.inbox(caller.state()).stream()
                .map(AlertView::of)
                .filter(alert -> status == null || alert.status().equals(status))
                .sorted(Comparator.comparing(AlertView::issuedAt).reversed().thenComparing(AlertView::id))
                .toList();
    }

    @GetMapping("/{id}")
    AlertView get(@PathVariable String id, Caller caller) {
        return AlertView.of(own(caller, id));
    }

    @PostMapping("/{id}/acknowledgement")
    ResponseEntity<Void> acknowledge(@PathVariable String id, Caller caller) {
        AlertLifecycle alert = own(caller, id);
        if (AlertView.status(alert).equals("acknowledged")) {
            return ResponseEntity.ok().build();
        }
        var event = answers.answerTo(alert.getIssued().getMetadata().getExerciseId());
        publisher.publish(Topics.ALERTS.name(), caller.state(), AlertAcknowledged.newBuilder()
                .setMetadata(event)
                .setAlertId(id)
                .setRecipientState(caller.state())
                .setAcknowledgedBy(caller.subject())
                .setAcknowledgedAt(event.getOccurredAt())
                .build());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{id}/responses")
    ResponseEntity<Void> respond(@PathVariable String id, @RequestBody ResponseRequest request, Caller caller) {
        AlertLifecycle alert = own(caller, id);
        CommitmentKind kind = Labels.parse(CommitmentKind.class, request.kind())
                .filter(k -> k != CommitmentKind.ACKNOWLEDGE)
                .orElseThrow(() -> new InvalidRequestException(List.of(
                        new FieldViolation("kind", "must be one of initial-assessment, final-report"))));
        if (request.text() == null || request.text().isBlank() || request.text().length() > MAX_RESPONSE) {
            throw new InvalidRequestException(List.of(new FieldViolation("text", "is required, at most " + MAX_RESPONSE + " characters")));
        }
        if (alert.getFulfilments().stream().anyMatch(f -> f.getKind() == kind)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "A " + request.kind() + " was already submitted");
        }
        var event = answers.answerTo(alert.getIssued().getMetadata().getExerciseId());
        publisher.publish(Topics.ALERTS.name(), caller.state(), AlertResponseSubmitted.newBuilder()
                .setMetadata(event)
                .setAlertId(id)
                .setRecipientState(caller.state())
                .setKind(kind)
                .setText(request.text().strip())
                .setSubmittedBy(caller.subject())
                .setSubmittedAt(event.getOccurredAt())
                .build());
        return ResponseEntity.accepted().build();
    }

    private AlertLifecycle own(Caller caller, String id) {
        return inbox.alert(caller.state(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No alert " + id));
    }
}
