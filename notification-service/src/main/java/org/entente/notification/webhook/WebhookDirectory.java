package org.entente.notification.webhook;

import java.util.List;

import org.entente.events.ChannelType;
import org.entente.events.Contact;
import org.entente.events.DeliveryChannel;
import org.entente.notification.reference.ReferenceDataView;
import org.springframework.stereotype.Component;

/**
 * The webhook addresses of a contact, as the reference data says now: the contact is looked up
 * in its own state's chain only, so a call never goes to another state's endpoint. A contact
 * that left the chain since the alert has none.
 */
@Component
class WebhookDirectory {

    private final ReferenceDataView referenceData;

    WebhookDirectory(ReferenceDataView referenceData) {
        this.referenceData = referenceData;
    }

    List<String> addresses(String state, String contactId) {
        return referenceData.contacts(state).stream()
                .flatMap(chain -> chain.getContacts().stream())
                .filter(contact -> contact.getContactId().equals(contactId))
                .map(Contact::getChannels)
                .flatMap(List::stream)
                .filter(channel -> channel.getType() == ChannelType.WEBHOOK && channel.getAddress() != null)
                .map(DeliveryChannel::getAddress)
                .toList();
    }
}
