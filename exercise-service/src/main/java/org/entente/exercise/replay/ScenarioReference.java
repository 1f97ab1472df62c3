package org.entente.exercise.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.entente.events.Agreement;
import org.entente.events.Commitment;
import org.entente.events.Contact;
import org.entente.events.ContactChain;
import org.entente.events.DeliveryChannel;
import org.entente.events.StateProfile;
import org.entente.exercise.scenario.InlineReference;
import org.entente.schemas.ExerciseKeys;
import org.entente.schemas.Topics;

/**
 * A scenario's own reference data on the exercise reference topics, under the exercise's keys
 * ({@link ExerciseKeys}), which notification-service admits to the reference topics, and the
 * header that tells notification-service how much of it to wait for; removed again (tombstones)
 * when the replay ends.
 */
final class ScenarioReference {

    private final InlineReference reference;
    private final ExerciseEvents events;

    ScenarioReference(InlineReference reference, ExerciseEvents events) {
        this.reference = reference;
        this.events = events;
    }

    List<ProducerRecord<String, SpecificRecord>> published() {
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        reference.states().forEach(state -> records.add(record(Topics.EXERCISE_STATES, state.code(), state(state))));
        reference.contacts().forEach(chain -> records.add(record(Topics.EXERCISE_CONTACTS, chain.state(), chain(chain))));
        reference.agreements().forEach(agreement -> records.add(record(Topics.EXERCISE_AGREEMENTS, agreement.id(),
                agreement(agreement))));
        return records;
    }

    List<ProducerRecord<String, SpecificRecord>> removed() {
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        reference.states().forEach(state -> records.add(record(Topics.EXERCISE_STATES, state.code(), null)));
        reference.contacts().forEach(chain -> records.add(record(Topics.EXERCISE_CONTACTS, chain.state(), null)));
        reference.agreements().forEach(agreement -> records.add(record(Topics.EXERCISE_AGREEMENTS, agreement.id(), null)));
        return records;
    }

    /** For the exercise's incidents: how many records of each kind to wait for. */
    Header header() {
        String counts = reference.states().size() + "," + reference.contacts().size() + "," + reference.agreements().size();
        return new RecordHeader(ExerciseKeys.REFERENCE_HEADER, counts.getBytes(StandardCharsets.UTF_8));
    }

    private ProducerRecord<String, SpecificRecord> record(Topics.Topic topic, String key, SpecificRecord value) {
        return new ProducerRecord<>(topic.name(), ExerciseKeys.key(events.exerciseId(), key), value);
    }

    private StateProfile state(InlineReference.State state) {
        return StateProfile.newBuilder()
                .setMetadata(events.referenceMetadata("state/" + state.code()))
                .setCode(state.code())
                .setName(state.name())
                .build();
    }

    private ContactChain chain(InlineReference.ContactChain chain) {
        return ContactChain.newBuilder()
                .setMetadata(events.referenceMetadata("contacts/" + chain.state()))
                .setStateCode(chain.state())
                .setContacts(chain.chain().stream().map(contact -> Contact.newBuilder()
                        .setContactId(contact.id())
                        .setName(contact.name())
                        .setChannels(contact.channels().stream()
                                .map(channel -> new DeliveryChannel(channel.type(), channel.address())).toList())
                        .build()).toList())
                .build();
    }

    private Agreement agreement(InlineReference.Agreement agreement) {
        return Agreement.newBuilder()
                .setMetadata(events.referenceMetadata("agreement/" + agreement.id()))
                .setAgreementId(agreement.id())
                .setVersion(agreement.version())
                .setTitle(agreement.title())
                .setParties(agreement.parties())
                .setSectors(agreement.sectors())
                .setIncidentClasses(agreement.incidentClasses())
                .setMinimumSeverity(agreement.minimumSeverity())
                .setMaxTlp(agreement.maxTlp())
                .setDataCategories(agreement.dataCategories())
                .setPersonalDataLegalBasis(agreement.personalDataLegalBasis())
                .setCommitments(agreement.commitments().stream().map(commitment -> new Commitment(commitment.kind(),
                        commitment.within().toMillis(), commitment.grace() == null ? null : commitment.grace().toMillis())).toList())
                .setValidFrom(agreement.validFrom())
                .setValidUntil(agreement.validUntil())
                .setStatus(agreement.status())
                .build();
    }
}
