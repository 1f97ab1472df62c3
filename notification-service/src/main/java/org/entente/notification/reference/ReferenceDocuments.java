package org.entente.notification.reference;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reference data as people write it, in the YAML file loaded at start and in the admin API:
 * enum values as labels (see Labels), durations in ISO-8601.
 */
public final class ReferenceDocuments {

    private ReferenceDocuments() {
    }

    public record ReferenceData(List<StateDocument> states, List<ContactChainDocument> contacts,
            List<AgreementDocument> agreements) {
    }

    public record StateDocument(String code, String name) {
    }

    public record ContactChainDocument(String state, List<ContactDocument> chain) {
    }

    public record ContactDocument(String id, String name, List<ChannelDocument> channels) {
    }

    public record ChannelDocument(String type, String address) {
    }

    public record AgreementDocument(
            String id,
            Integer version,
            String title,
            List<String> parties,
            List<String> sectors,
            List<String> incidentClasses,
            String minimumSeverity,
            String maxTlp,
            List<String> dataCategories,
            String personalDataLegalBasis,
            List<CommitmentDocument> commitments,
            Instant validFrom,
            Instant validUntil,
            String status) {
    }

    public record CommitmentDocument(String kind, Duration within, Duration grace) {
    }
}
