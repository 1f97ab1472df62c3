package org.entente.notification.fanout;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.header.Headers;
import org.entente.events.Agreement;
import org.entente.events.ContactChain;
import org.entente.events.IncidentReported;
import org.entente.notification.reference.ExerciseReference;
import org.entente.schemas.ExerciseKeys;

/**
 * The reference data an incident is routed on: its exercise's own when the exercise brought some
 * (waiting until all of it has arrived), else the live data, which never includes an exercise's.
 */
final class RoutingReference {

    /** Recorded when a recipient state has no contact chain. */
    static final String UNASSIGNED_CONTACT = "unassigned";
    private static final String LIVE = "";

    private final ReferenceSnapshot.Data data;
    private final String scope;

    private RoutingReference(ReferenceSnapshot.Data data, String scope) {
        this.data = data;
        this.scope = scope;
    }

    static RoutingReference of(IncidentReported incident, Headers headers, Supplier<ReferenceSnapshot.Data> current) {
        String exerciseId = incident.getMetadata().getExerciseId();
        Optional<ExerciseReference.Counts> declared = exerciseId == null ? Optional.empty() : ExerciseReference.declared(headers);
        if (declared.isEmpty()) {
            return new RoutingReference(current.get(), LIVE);
        }
        String scope = ExerciseKeys.prefix(exerciseId);
        ExerciseReference.await("states", declared.get().states(), () -> current.get().stateCount(scope));
        ExerciseReference.await("contact chains", declared.get().contacts(), () -> current.get().contactCount(scope));
        ExerciseReference.await("agreements", declared.get().agreements(), () -> current.get().agreementCount(scope));
        return new RoutingReference(current.get(), scope);
    }

    /** The agreements in scope that {@code party} is a party to. */
    List<Agreement> agreementsOf(String party) {
        return data.agreements(scope, party);
    }

    boolean knows(String state) {
        return data.states().containsKey(scope + state);
    }

    String primaryContact(String state) {
        ContactChain chain = data.contacts().get(scope + state);
        return chain == null || chain.getContacts().isEmpty() ? UNASSIGNED_CONTACT : chain.getContacts().get(0).getContactId();
    }
}
