package org.entente.notification.lifecycle;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.entente.events.AlertLifecycle;

/** The new state of an alert and the events that tell the world what changed. */
public record Transition(AlertLifecycle state, List<SpecificRecord> events) {

    public Transition {
        events = List.copyOf(events);
    }
}
