package org.entente.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.notification.routing.Fixtures.REPORTED_AT;
import static org.entente.notification.routing.Fixtures.incident;
import static org.entente.notification.routing.Fixtures.ref;

import java.util.Map;
import java.util.Set;

import org.entente.events.AgreementRef;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentReported;
import org.entente.events.IncidentRevisionSeen;
import org.entente.events.Tlp;
import org.entente.schemas.InvalidEventException;
import org.junit.jupiter.api.Test;

class RevisionGateTest {

    private static final String EXERCISE = "baltic-shield-2026";
    private static final Map<String, AgreementRef> FI_AND_LV = Map.of("FI", ref("csbm-ee-fi", 2), "LV", ref("baltic-energy", 1));

    private static IncidentReported revision(int n, String exerciseId) {
        return incident().setRevision(n)
                .setMetadata(new EventMetadata("evt-incident-0042-" + n, REPORTED_AT, "incident-service", exerciseId))
                .build();
    }

    /** Estonia's report, routed to Finland and Latvia. */
    private static IncidentRevisionSeen reportRouted(String exerciseId) {
        return RevisionGate.routed(revision(0, exerciseId), FI_AND_LV);
    }

    @Test
    void shouldRememberTheReportingStateTheExerciseAndWhomTheRevisionReached() {
        // When
        IncidentRevisionSeen routed = reportRouted(EXERCISE);

        // Then
        assertThat(routed).isEqualTo(new IncidentRevisionSeen(0, Tlp.AMBER, "EE", EXERCISE, FI_AND_LV));
    }

    @Test
    void shouldAdmitALaterRevisionFromTheReportingStateInTheIncidentsWorld() {
        // Then
        assertThat(RevisionGate.admits(null, revision(0, null))).isTrue();
        assertThat(RevisionGate.admits(reportRouted(null), revision(1, null))).isTrue();
        assertThat(RevisionGate.admits(reportRouted(EXERCISE), revision(1, EXERCISE))).isTrue();
        assertThat(RevisionGate.admits(reportRouted(null), revision(0, null))).as("a duplicate").isFalse();
    }

    @Test
    void shouldRefuseARevisionFromAnotherStateThanTheReportingOne() {
        // Given Finland's revision of Estonia's incident
        IncidentReported fromFinland = IncidentReported.newBuilder(revision(1, null)).setReportingState("FI").build();

        // Then
        assertThatThrownBy(() -> RevisionGate.admits(reportRouted(null), fromFinland))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("revision 1 comes from FI, but EE reported the incident");
    }

    @Test
    void shouldRefuseARevisionThatMovesARealIncidentIntoAnExercise() {
        // Then
        assertThatThrownBy(() -> RevisionGate.admits(reportRouted(null), revision(1, EXERCISE)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("revision 1 belongs to exercise baltic-shield-2026, the incident to real traffic");
    }

    @Test
    void shouldRefuseARevisionThatMovesAnExerciseIncidentOutOfItsExercise() {
        // Then
        assertThatThrownBy(() -> RevisionGate.admits(reportRouted(EXERCISE), revision(1, null)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("revision 1 belongs to real traffic, the incident to exercise baltic-shield-2026");
        assertThatThrownBy(() -> RevisionGate.admits(reportRouted(EXERCISE), revision(1, "another-exercise")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("revision 1 belongs to exercise another-exercise, the incident to exercise baltic-shield-2026");
    }

    @Test
    void shouldStillRefuseALoweredLabel() {
        // Given a report routed at RED
        IncidentRevisionSeen red = RevisionGate.routed(IncidentReported.newBuilder(revision(0, null)).setTlp(Tlp.RED).build(), FI_AND_LV);

        // Then
        assertThatThrownBy(() -> RevisionGate.admits(red, revision(1, null)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("revision 1 lowers the TLP label from RED to AMBER");
    }

    /** A state written before the reporting state was kept has nothing to compare a revision with: it passes. */
    @Test
    void shouldAdmitARevisionOfAnIncidentRoutedBeforeItsReportingStateWasKept() {
        // Given
        IncidentRevisionSeen earlier = new IncidentRevisionSeen(0, Tlp.AMBER, null, null, Map.of());

        // Then
        assertThat(RevisionGate.admits(earlier, revision(1, EXERCISE))).isTrue();
    }

    @Test
    void shouldNameEachPartnerARevisionNoLongerReachesWithTheAgreementOfItsAlert() {
        // Then
        assertThat(RevisionGate.noLongerReached(reportRouted(null), Set.of("FI", "SE")))
                .isEqualTo(Map.of("LV", ref("baltic-energy", 1)));
        assertThat(RevisionGate.noLongerReached(reportRouted(null), Set.of("FI", "LV", "SE"))).as("widened").isEmpty();
        assertThat(RevisionGate.noLongerReached(null, Set.of("FI"))).as("the report").isEmpty();
    }
}
