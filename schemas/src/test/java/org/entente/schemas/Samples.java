package org.entente.schemas;

import java.time.Instant;
import java.util.List;

import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.PersonalData;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;

final class Samples {

    static final Instant REPORTED_AT = Instant.parse("2026-11-02T08:15:30.123Z");

    static IncidentReported incident() {
        return IncidentReported.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId("5b0e1f0e-6a3c-4d38-9d0f-2b8f1c1d9a11")
                        .setOccurredAt(REPORTED_AT)
                        .setProducer("incident-service")
                        .build())
                .setIncidentId("INC-1")
                .setReportingState("EE")
                .setReporter("ee-poc-primary")
                .setDetectedAt(REPORTED_AT.minusSeconds(600))
                .setReportedAt(REPORTED_AT)
                .setSector(Sector.ENERGY)
                .setIncidentClass(IncidentClass.AVAILABILITY)
                .setSeverity(Severity.HIGH)
                .setTlp(Tlp.AMBER)
                .setTitle("Grid control centre unreachable")
                .setSummary("DDoS against the SCADA gateway")
                .setIndicators(List.of("198.51.100.7"))
                .setPersonalData(PersonalData.newBuilder().setNames(List.of("Operator on duty")).build())
                .setAffectedStates(List.of("EE", "LV"))
                .build();
    }

    private Samples() {
    }
}
