package org.entente.exercise.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.entente.events.AgreementStatus;
import org.entente.events.ChannelType;
import org.entente.events.CommitmentKind;
import org.entente.events.DataCategory;
import org.entente.events.IncidentClass;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;

/**
 * Reference data written into the scenario, in the shape of deploy/local/reference-data.yml:
 * the exercise then runs on these states, contact chains and agreements only.
 */
public record InlineReference(List<State> states, List<ContactChain> contacts, List<Agreement> agreements)
        implements Reference {

    public record State(String code, String name) {
    }

    /** A state's escalation order: primary first. */
    public record ContactChain(String state, List<Contact> chain) {
    }

    public record Contact(String id, String name, List<Channel> channels) {
    }

    /** @param address the https:// URL of a webhook; {@code null} for the inbox */
    public record Channel(ChannelType type, String address) {
    }

    /** @param validUntil {@code null} when open-ended */
    public record Agreement(
            String id,
            int version,
            String title,
            List<String> parties,
            List<Sector> sectors,
            List<IncidentClass> incidentClasses,
            Severity minimumSeverity,
            Tlp maxTlp,
            List<DataCategory> dataCategories,
            String personalDataLegalBasis,
            List<Commitment> commitments,
            Instant validFrom,
            Instant validUntil,
            AgreementStatus status) {
    }

    /** @param grace {@code null} when the agreement sets none */
    public record Commitment(CommitmentKind kind, Duration within, Duration grace) {
    }
}
