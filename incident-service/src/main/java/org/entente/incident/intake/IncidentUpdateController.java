package org.entente.incident.intake;

import java.net.URI;

import org.entente.events.IncidentReported;
import org.entente.platform.caller.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/incidents/{id}/updates")
class IncidentUpdateController {

    /** Where the problem types of refused updates are described, one per rule. */
    static final String PROBLEM_TYPES = "https://entente.example.org/problems/";

    private final IncidentUpdates updates;

    IncidentUpdateController(IncidentUpdates updates) {
        this.updates = updates;
    }

    record Accepted(String id, int revision) {
    }

    /**
     * An update of the caller's state's incident, answered 202 once Kafka has its next revision;
     * an update that changes nothing gets the current revision and stores nothing.
     */
    @PostMapping
    @PreAuthorize("hasRole('POC')")
    ResponseEntity<Accepted> update(@PathVariable String id, @RequestBody IncidentUpdateRequest request, Caller caller) {
        IncidentReported incident = updates.update(id, request, caller);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/incidents/" + incident.getIncidentId()))
                .body(new Accepted(incident.getIncidentId(), incident.getRevision()));
    }

    @ExceptionHandler(UpdateConflictException.class)
    ProblemDetail refused(UpdateConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create(PROBLEM_TYPES + e.rule().slug()));
        problem.setTitle(e.rule().title());
        return problem;
    }
}
