package org.entente.notification.reference;

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
        publisher.publish(Topics.STATES.name(), state.getCode(), state);
    }

    void publish(ContactChain chain) {
        publisher.publish(Topics.CONTACTS.name(), chain.getStateCode(), chain);
    }

    void publish(Agreement agreement) {
        publisher.publish(Topics.AGREEMENTS.name(), agreement.getAgreementId(), agreement);
    }
}
