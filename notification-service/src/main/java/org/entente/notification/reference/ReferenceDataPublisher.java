package org.entente.notification.reference;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.entente.events.Agreement;
import org.entente.events.ContactChain;
import org.entente.events.StateProfile;
import org.entente.platform.kafka.DurablePublisher;
import org.entente.schemas.Topics;
import org.springframework.stereotype.Component;

/** Writes reference data to its compacted topics, keyed by id, so every service sees the same version. */
@Component
class ReferenceDataPublisher {

    private final DurablePublisher publisher;

    ReferenceDataPublisher(DurablePublisher publisher) {
        this.publisher = publisher;
    }

    void publish(StateProfile state) {
        publish(record(state));
    }

    void publish(ContactChain chain) {
        publish(record(chain));
    }

    void publish(Agreement agreement) {
        publish(record(agreement));
    }

    /** Many at once (a seeding), sent together and acknowledged together. */
    void publishAll(List<ProducerRecord<String, SpecificRecord>> records) {
        publisher.publishAll(records);
    }

    private void publish(ProducerRecord<String, SpecificRecord> record) {
        publisher.publish(record.topic(), record.key(), record.value());
    }

    static ProducerRecord<String, SpecificRecord> record(StateProfile state) {
        return new ProducerRecord<>(Topics.STATES.name(), state.getCode(), state);
    }

    static ProducerRecord<String, SpecificRecord> record(ContactChain chain) {
        return new ProducerRecord<>(Topics.CONTACTS.name(), chain.getStateCode(), chain);
    }

    static ProducerRecord<String, SpecificRecord> record(Agreement agreement) {
        return new ProducerRecord<>(Topics.AGREEMENTS.name(), agreement.getAgreementId(), agreement);
    }
}
