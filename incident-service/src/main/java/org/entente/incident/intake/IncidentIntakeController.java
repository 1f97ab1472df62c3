package org.entente.incident.intake;

import java.net.URI;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.entente.events.IncidentReported;
import org.entente.platform.caller.Caller;
import org.entente.schemas.Labels;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/incidents")
class IncidentIntakeController {

    private final IncidentIntake intake;
    private final MeterRegistry meters;

    IncidentIntakeController(IncidentIntake intake, MeterRegistry meters) {
        this.intake = intake;
        this.meters = meters;
    }

    record Accepted(String id, Instant reportedAt) {
    }

    /**
     * A report, answered 202 once Kafka has it. With an {@code Idempotency-Key} a retry gets the
     * first answer (same id, {@code Location} and {@code reportedAt}) and stores nothing new.
     */
    @PostMapping
    @PreAuthorize("hasRole('POC')")
    ResponseEntity<Accepted> report(@RequestBody IncidentReportRequest request, @RequestHeader HttpHeaders headers,
            Caller caller) {
        IncidentIntake.Outcome outcome = intake.report(request, caller, headers.get(IdempotencyKeys.HEADER));
        IncidentReported incident = outcome.incident();
        if (outcome.created()) {
            // No classification label: the scrape is no place to learn what kind of incident a state had.
            meters.counter("entente.incidents.received",
                    "sector", Labels.of(incident.getSector()),
                    "severity", Labels.of(incident.getSeverity())).increment();
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/incidents/" + incident.getIncidentId()))
                .body(new Accepted(incident.getIncidentId(), incident.getReportedAt()));
    }
}
