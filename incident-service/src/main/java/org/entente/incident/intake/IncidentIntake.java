package org.entente.incident.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.entente.events.IncidentReported;
import org.entente.incident.view.ReportedIncidents;
import org.entente.platform.caller.Caller;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.platform.kafka.DurablePublisher;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.entente.platform.states.KnownStates;
import org.entente.schemas.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Turns a valid report into an {@code IncidentReported} stored in Kafka. With an Idempotency-Key
 * a report is stored once, however often it is sent: the incident id comes from (state, key);
 * before publishing, intake asks, in this order,
 * <ol>
 * <li>this instance's attempts: a report with the same key in flight (its caller's answer is
 * awaited and shared) or stored in the last {@code entente.intake.idempotency.remember} (the view
 * may not have it yet);</li>
 * <li>the incident view, rebuilt from Kafka, which holds every incident ever reported.</li>
 * </ol>
 * Only when neither knows the incident is it published. Two instances receiving the same key
 * within the view's lag may both publish: the same incident id twice, which the view and the
 * fan-out take as one incident.
 */
@Component
class IncidentIntake {

    /** What intake answers: the incident as first stored, and whether this call stored it. */
    record Outcome(IncidentReported incident, boolean created) {
    }

    /** One keyed report on this instance: in flight until {@code stored} completes, then remembered for a while. */
    private static final class Attempt {
        final CompletableFuture<IncidentReported> stored = new CompletableFuture<>();
        volatile long storedAt;
    }

    private final DurablePublisher publisher;
    private final EventMetadataFactory metadata;
    private final ReportedIncidents view;
    private final KnownStates states;
    private final Duration remember;
    private final Duration awaitFirst;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

    IncidentIntake(DurablePublisher publisher, EventMetadataFactory metadata, ReportedIncidents view, KnownStates states,
            @Value("${entente.intake.idempotency.remember:60s}") Duration remember,
            @Value("${entente.kafka.ack-timeout:10s}") Duration ackTimeout) {
        this.publisher = publisher;
        this.metadata = metadata;
        this.view = view;
        this.states = states;
        this.remember = remember;
        this.awaitFirst = ackTimeout.plusSeconds(5);
    }

    /**
     * Stores a report, once per Idempotency-Key when {@code keyHeader} (the header's values, or
     * {@code null}) has one. A bad key and a bad body are answered together, every field named.
     */
    Outcome report(IncidentReportRequest request, Caller caller, List<String> keyHeader) {
        List<FieldViolation> keyViolations = IdempotencyKeys.violations(keyHeader);
        String key = IdempotencyKeys.of(keyHeader).orElse(null);
        String incidentId = key == null ? UUID.randomUUID().toString() : IdempotencyKeys.incidentId(caller.state(), key);
        IncidentReported incident;
        try {
            incident = IncidentReportValidator.toEvent(states, request, incidentId, caller.state(), caller.subject(),
                    metadata.now(null), key);
        } catch (InvalidRequestException badBody) {
            List<FieldViolation> all = new ArrayList<>(keyViolations);
            all.addAll(badBody.violations());
            throw new InvalidRequestException(all);
        }
        if (!keyViolations.isEmpty()) {
            throw new InvalidRequestException(keyViolations);
        }
        if (key == null) {
            publisher.publish(Topics.INCIDENTS.name(), incidentId, incident);
            return new Outcome(incident, true);
        }
        String scope = caller.state() + "/" + key;
        forgetExpired();
        while (true) {
            Attempt mine = new Attempt();
            Attempt earlier = attempts.putIfAbsent(scope, mine);
            if (earlier == null) {
                return storeOnce(scope, mine, incident);
            }
            IncidentReported first = awaitStored(earlier);
            if (first != null) {
                return replay(first, incident);
            }
            // The earlier attempt failed, stored nothing and has gone: try again ourselves.
        }
    }

    private Outcome storeOnce(String scope, Attempt mine, IncidentReported incident) {
        try {
            Outcome outcome = view.find(incident.getReportingState(), incident.getIncidentId())
                    .map(first -> replay(first, incident))
                    .orElseGet(() -> {
                        publisher.publish(Topics.INCIDENTS.name(), incident.getIncidentId(), incident);
                        return new Outcome(incident, true);
                    });
            mine.storedAt = System.nanoTime();
            mine.stored.complete(outcome.incident());
            return outcome;
        } catch (RuntimeException e) {
            attempts.remove(scope, mine);
            mine.stored.completeExceptionally(e);
            throw e;
        }
    }

    /** The incident an earlier attempt stored; {@code null} when it failed (and so stored nothing). */
    private IncidentReported awaitStored(Attempt earlier) {
        try {
            return earlier.stored.get(awaitFirst.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stillInFlight();
        } catch (TimeoutException e) {
            throw stillInFlight();
        }
    }

    private static Outcome replay(IncidentReported first, IncidentReported retry) {
        if (!IdempotencyKeys.sameReport(first, retry)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was already used for a different report. Use a new key for a new report.");
            problem.setTitle("Idempotency-Key reused");
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
        }
        return new Outcome(first, false);
    }

    private static ErrorResponseException stillInFlight() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "A report with this Idempotency-Key is still being stored. Retry with the same key.");
        problem.setTitle("Report in progress");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    }

    private void forgetExpired() {
        long now = System.nanoTime();
        attempts.values().removeIf(attempt -> attempt.stored.isDone() && now - attempt.storedAt > remember.toNanos());
    }
}
