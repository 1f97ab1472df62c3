package org.entente.platform.schemas;

import java.time.Instant;
import java.util.List;

import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;

public final class Samples {

    private Samples() {
    }

    public static IncidentReported incident(String id) {
        Instant reportedAt = Instant.parse("2026-11-30T08:00:00Z");
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("event-" + id, reportedAt, "incident-service", null))
                .setIncidentId(id).setReportingState("EE").setReporter("ee-poc")
                .setDetectedAt(reportedAt.minusSeconds(600)).setReportedAt(reportedAt)
                .setSector(Sector.ENERGY).setIncidentClass(IncidentClass.AVAILABILITY).setSeverity(Severity.HIGH)
                .setTlp(Tlp.GREEN).setTitle("Substation unreachable").setSummary("RTUs stopped answering.")
                .setAffectedStates(List.of("LV"))
                .build();
    }
}
