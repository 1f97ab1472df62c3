package org.entente.platform.events;

import org.entente.events.IncidentReported;
import org.entente.events.Tlp;
import org.entente.platform.states.StateCodes;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Labels;

/**
 * The rules a consumer checks on an event before it acts on it; a record that breaks one goes to
 * its topic's dead-letter topic ({@link InvalidEventException}). Only what the consumers rely on:
 * that there is an event (event topics carry no tombstones), that the key is what the topic
 * catalogue says it is (ordering and partitioning rest on it), and that state codes are codes.
 */
public final class EventChecks {

    private EventChecks() {
    }

    /** An {@code IncidentReported} keyed by its incident id, with a reporting state. */
    public static IncidentReported incident(String key, IncidentReported incident) {
        present(incident);
        keyIs(key, incident.getIncidentId(), "incidentId");
        stateCode(incident.getReportingState(), "reportingState");
        return incident;
    }

    /**
     * A later revision of an incident may raise its TLP label, never lower it: {@code revision}
     * against the label of the latest revision before it.
     */
    public static void labelNotLowered(Tlp before, IncidentReported revision) {
        InvalidEventException.require(revision.getTlp().compareTo(before) >= 0, "revision " + revision.getRevision()
                + " lowers the TLP label from " + Labels.of(before) + " to " + Labels.of(revision.getTlp()));
    }

    public static void present(Object event) {
        InvalidEventException.require(event != null, "no value: event topics carry no tombstones");
    }

    /** The record key must be the event's {@code field}, and not blank. */
    public static void keyIs(String key, String fieldValue, String field) {
        InvalidEventException.require(fieldValue != null && !fieldValue.isBlank(), field + " is blank");
        InvalidEventException.require(fieldValue.equals(key), "key " + quoted(key) + " is not the event's " + field + " " + quoted(fieldValue));
    }

    public static void stateCode(String value, String field) {
        InvalidEventException.require(StateCodes.wellFormed(value),
                field + " " + quoted(value) + " is not an ISO 3166-1 alpha-2 code");
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
