package org.entente.schemas;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.entente.events.Agreement;
import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;
import org.entente.events.AlertIssued;
import org.entente.events.AlertLifecycle;
import org.entente.events.AlertResponseSubmitted;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.CommunicationCheckAcknowledged;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.CommunicationCheckSchedule;
import org.entente.events.CommunicationCheckSent;
import org.entente.events.ContactChain;
import org.entente.events.DisclosureRecorded;
import org.entente.events.ExerciseClock;
import org.entente.events.IncidentReported;
import org.entente.events.IncidentRevisionSeen;
import org.entente.events.StateProfile;

/**
 * Every record type that travels on a topic on its own (events, reference data, and the state a
 * service keeps in a changelog topic); nested types travel inside them.
 */
public final class EventTypes {

    public static final List<Class<? extends SpecificRecord>> ALL = List.of(
            IncidentReported.class,
            StateProfile.class,
            ContactChain.class,
            Agreement.class,
            AlertIssued.class,
            AlertDelivered.class,
            AlertAcknowledged.class,
            AlertResponseSubmitted.class,
            AlertEscalated.class,
            CommitmentOutcomeRecorded.class,
            DisclosureRecorded.class,
            AlertLifecycle.class,
            IncidentRevisionSeen.class,
            ExerciseClock.class,
            CommunicationCheckSent.class,
            CommunicationCheckAcknowledged.class,
            CommunicationCheckOutcomeRecorded.class,
            CommunicationCheckSchedule.class);

    private EventTypes() {
    }
}
