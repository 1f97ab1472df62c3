package org.entente.incident.intake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.entente.events.IncidentReported;
import org.entente.incident.view.ReportedIncidents;
import org.entente.platform.caller.Caller;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.platform.kafka.DurablePublisher;
import org.entente.platform.states.KnownStates;
import org.entente.schemas.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Turns a valid update into the incident's next revision stored in Kafka (acks=all, as intake).
 * The incident as it stands comes from the incident view, which shows a revision only some time
 * after it was published. So that an update never builds on a revision older than one this
 * instance published, an incident whose last update the view does not show yet takes no further
 * update here ({@code 503}, retry) until it does, or until {@code entente.intake.updates.remember}
 * has passed. Two instances updating one incident within the view's lag may both publish the same
 * revision number: the view and the fan-out keep the first and drop the other as a duplicate.
 */
@Component
class IncidentUpdates {

    /** A revision this instance is publishing, or published and the view may not show yet. */
    private record Claim(int revision, long claimedAt) {
    }

    private final DurablePublisher publisher;
    private final EventMetadataFactory metadata;
    private final ReportedIncidents view;
    private final KnownStates states;
    private final Duration remember;
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    IncidentUpdates(DurablePublisher publisher, EventMetadataFactory metadata, ReportedIncidents view, KnownStates states,
            @Value("${entente.intake.updates.remember:60s}") Duration remember) {
        this.publisher = publisher;
        this.metadata = metadata;
        this.view = view;
        this.states = states;
        this.remember = remember;
    }

    /**
     * Stores and returns the next revision of the caller's state's incident, or returns the current
     * one when the update changes nothing (a retry). Another state's incident is not found, like an
     * unknown one.
     */
    IncidentReported update(String incidentId, IncidentUpdateRequest request, Caller caller) {
        IncidentUpdate update = IncidentUpdate.of(request, states);
        IncidentReported current = view.current(caller.state(), incidentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No incident " + incidentId));
        long now = System.nanoTime();
        claims.values().removeIf(claim -> now - claim.claimedAt() > remember.toNanos());
        Claim mine = new Claim(current.getRevision() + 1, now);
        if (claims.merge(incidentId, mine, (earlier, next) -> earlier.revision() <= current.getRevision() ? next : earlier) != mine) {
            throw previousUpdateNotRecorded();
        }
        try {
            IncidentReported next = update.applyTo(current, metadata.now(null));
            if (next == current) {
                claims.remove(incidentId, mine);
                return current;
            }
            publisher.publish(Topics.INCIDENTS.name(), incidentId, next);
            return next;
        } catch (RuntimeException e) {
            claims.remove(incidentId, mine);
            throw e;
        }
    }

    private static ErrorResponseException previousUpdateNotRecorded() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The previous update of this incident is still being recorded. Retry in a moment.");
        problem.setTitle("Update in progress");
        ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return unavailable;
    }
}
