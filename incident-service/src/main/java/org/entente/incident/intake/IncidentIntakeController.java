package org.entente.incident.intake;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.entente.events.IncidentReported;
import org.entente.platform.caller.Caller;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.platform.kafka.DurablePublisher;
import org.entente.schemas.Labels;
import org.entente.schemas.Topics;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/incidents")
class IncidentIntakeController {

    private final DurablePublisher publisher;
    private final EventMetadataFactory metadata;
    private final MeterRegistry meters;

    IncidentIntakeController(DurablePublisher publisher, EventMetadataFactory metadata, MeterRegistry meters) {
        this.publisher = publisher;
        this.metadata = metadata;
        this.meters = meters;
    }

    record Accepted(String id, Instant reportedAt) {
    }

    @PostMapping
    @PreAuthorize("hasRole('POC')")
    ResponseEntity<Accepted> report(@RequestBody IncidentReportRequest request, Caller caller) {
        IncidentReported incident = IncidentReportValidator.toEvent(request, UUID.randomUUID().toString(),
                caller.state(), caller.subject(), metadata.now(null));
        publisher.publish(Topics.INCIDENTS.name(), incident.getIncidentId(), incident);
        meters.counter("entente.incidents.received",
                "sector", Labels.of(incident.getSector()),
                "class", Labels.of(incident.getIncidentClass()),
                "severity", Labels.of(incident.getSeverity())).increment();
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/incidents/" + incident.getIncidentId()))
                .body(new Accepted(incident.getIncidentId(), incident.getReportedAt()));
    }
}
