package org.entente.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.schemas.InvalidEventException;
import org.junit.jupiter.api.Test;

class EventChecksTest {

    static IncidentReported incident(String id, String reportingState) {
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("e-1", Instant.EPOCH, "test", null))
                .setIncidentId(id).setReportingState(reportingState).setReporter("ee-poc")
                .setDetectedAt(Instant.EPOCH).setReportedAt(Instant.EPOCH)
                .setSector(Sector.ENERGY).setIncidentClass(IncidentClass.AVAILABILITY).setSeverity(Severity.HIGH)
                .setTlp(Tlp.GREEN).setTitle("t").setSummary("s")
                .build();
    }

    @Test
    void shouldAcceptAnIncidentKeyedByItsIdWithAReportingState() {
        IncidentReported incident = incident("INC-1", "EE");

        assertThat(EventChecks.incident("INC-1", incident)).isSameAs(incident);
    }

    @Test
    void shouldRejectWhatConsumersCannotRelyOn() {
        assertThatThrownBy(() -> EventChecks.incident("INC-1", null)).isInstanceOf(InvalidEventException.class)
                .hasMessage("no value: event topics carry no tombstones");
        assertThatThrownBy(() -> EventChecks.incident("INC-1", incident("INC-1", ""))).isInstanceOf(InvalidEventException.class)
                .hasMessage("reportingState \"\" is not an ISO 3166-1 alpha-2 code");
        assertThatThrownBy(() -> EventChecks.incident("INC-2", incident("INC-1", "EE"))).isInstanceOf(InvalidEventException.class)
                .hasMessage("key \"INC-2\" is not the event's incidentId \"INC-1\"");
        assertThatThrownBy(() -> EventChecks.incident("", incident(" ", "EE"))).isInstanceOf(InvalidEventException.class)
                .hasMessage("incidentId is blank");
    }

    @Test
    void shouldRejectARevisionThatLowersTheLabelOnly() {
        IncidentReported amberRevision = IncidentReported.newBuilder(incident("INC-1", "EE")).setTlp(Tlp.AMBER).setRevision(2).build();

        EventChecks.labelNotLowered(Tlp.GREEN, amberRevision);
        EventChecks.labelNotLowered(Tlp.AMBER, amberRevision);
        assertThatThrownBy(() -> EventChecks.labelNotLowered(Tlp.AMBER_STRICT, amberRevision)).isInstanceOf(InvalidEventException.class)
                .hasMessage("revision 2 lowers the TLP label from AMBER+STRICT to AMBER");
    }
}
