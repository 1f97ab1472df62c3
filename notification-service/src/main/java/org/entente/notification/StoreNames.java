package org.entente.notification;

/** Names of the Kafka Streams state stores, shared by the topologies and the query side. */
public final class StoreNames {

    public static final String AGREEMENTS = "fanout-agreements";
    public static final String CONTACTS = "fanout-contacts";
    public static final String STATES = "fanout-states";
    public static final String INCIDENT_REVISIONS = "fanout-incident-revisions";
    public static final String LIFECYCLE_CONTACTS = "lifecycle-contacts";
    public static final String ALERTS = "alert-lifecycle";
    public static final String DEADLINES = "alert-deadlines";
    public static final String EXERCISE_CLOCKS = "exercise-clocks";
    public static final String COMMUNICATION_CHECKS = "communication-checks";

    private StoreNames() {
    }
}
