package org.entente.exercise.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.entente.events.AgreementStatus;
import org.entente.events.ChannelType;
import org.entente.events.CommitmentKind;
import org.entente.events.DataCategory;
import org.entente.events.IncidentClass;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    @Test
    void shouldBindEveryPartOfAValidScenario() {
        String yaml = """
                name: Drill
                description: A short drill.
                objectives: [Partners acknowledge in time]
                participants: [EE, FI, LV]
                reference: live
                injects:
                  - id: first
                    at: +0s
                    reportingState: EE
                    incident:
                      detectedBefore: 15m
                      sector: energy
                      incidentClass: availability
                      severity: high
                      tlp: AMBER+STRICT
                      title: Substation control lost
                      summary: RTUs stopped answering.
                      indicators: [198.51.100.23]
                      personalData: { names: [Shift engineer], notes: On duty }
                      affectedStates: [LV]
                      namedRecipients: [FI]
                behaviours:
                  - { state: FI, acknowledges: { after: 20m } }
                  - { state: LV, acknowledges: { late: 10m } }
                  - { state: LV, injects: [first], acknowledges: { byBackup: 5m } }
                  - { state: EE, acknowledges: never }
                expectations:
                  - acknowledges: { state: FI, inject: first, within: 30m }
                  - receives: { state: FI, inject: first }
                  - doesNotReceive: { state: LV, inject: first }
                  - receivesNoPersonalData: { state: LV }
                  - receivesNoPersonalData: { state: FI, inject: first }
                  - escalatesToBackup: { state: LV, inject: first }
                """;

        Scenario scenario = ScenarioParser.parse("drill.yml", yaml);

        assertThat(scenario).isEqualTo(new Scenario("Drill", "A short drill.", List.of("Partners acknowledge in time"),
                List.of("EE", "FI", "LV"), new Reference.Live(),
                List.of(new Inject("first", Duration.ZERO, "EE", List.of(), new Incident(Duration.ofMinutes(15),
                        Sector.ENERGY, IncidentClass.AVAILABILITY, Severity.HIGH, Tlp.AMBER_STRICT,
                        "Substation control lost", "RTUs stopped answering.", List.of("198.51.100.23"),
                        new Incident.PersonalData(List.of("Shift engineer"), List.of(), List.of(), "On duty"),
                        List.of("LV"), List.of("FI")))),
                List.of(new Behaviour("FI", List.of(), new Acknowledgement.After(Duration.ofMinutes(20))),
                        new Behaviour("LV", List.of(), new Acknowledgement.Late(Duration.ofMinutes(10))),
                        new Behaviour("LV", List.of("first"), new Acknowledgement.ByBackup(Duration.ofMinutes(5))),
                        new Behaviour("EE", List.of(), new Acknowledgement.Never())),
                List.of(new Expectation.Acknowledges("FI", "first", Duration.ofMinutes(30)),
                        new Expectation.Receives("FI", "first"),
                        new Expectation.DoesNotReceive("LV", "first"),
                        new Expectation.ReceivesNoPersonalData("LV", null),
                        new Expectation.ReceivesNoPersonalData("FI", "first"),
                        new Expectation.EscalatesToBackup("LV", "first"))));
    }

    @Test
    void shouldTimeAnInjectFromTheLatestInjectItComesAfterAndOrderInjectsByTime() {
        String yaml = """
                name: Order
                objectives: [Order injects]
                participants: [EE, FI]
                reference: live
                injects:
                  - { id: a, at: +1h, reportingState: EE, incident: &incident { sector: energy, incidentClass: availability, severity: high, tlp: AMBER, title: T, summary: S } }
                  - { id: c, after: [a, b], at: +10m, reportingState: EE, incident: *incident }
                  - { id: b, at: +2h, reportingState: EE, incident: *incident }
                  - { id: d, at: +0s, reportingState: EE, incident: *incident }
                """;

        Scenario scenario = ScenarioParser.parse("order.yml", yaml);

        assertThat(scenario.injects()).extracting(Inject::id, Inject::at).containsExactly(
                tuple("d", Duration.ZERO),
                tuple("a", Duration.ofHours(1)),
                tuple("b", Duration.ofHours(2)),
                tuple("c", Duration.ofMinutes(130)));
    }

    @Test
    void shouldReadAnUnquotedNoAsNorwayNotAsFalse() {
        String yaml = """
                name: Norway
                objectives: [YAML 1.2]
                participants: [SE, NO]
                reference: live
                injects:
                  - { id: a, at: +0s, reportingState: NO, incident: { sector: energy, incidentClass: availability, severity: high, tlp: AMBER, title: T, summary: S } }
                """;

        assertThat(ScenarioParser.parse("norway.yml", yaml).participants()).containsExactly("SE", "NO");
    }

    @Test
    void shouldPreferTheBehaviourThatNamesTheInjectOverTheStatesGeneralOne() {
        Scenario scenario = ScenarioParser.parse(SampleScenariosTest.SAMPLES.resolve("subsea-cables.yml"));

        assertThat(scenario.acknowledgementOf("SE", "cable-5")).contains(new Acknowledgement.Never());
        assertThat(scenario.acknowledgementOf("SE", "cable-1")).contains(new Acknowledgement.After(Duration.ofMinutes(50)));
        assertThat(scenario.acknowledgementOf("FI", "cable-2")).contains(new Acknowledgement.ByBackup(Duration.ofMinutes(20)));
    }

    @Test
    void shouldLeaveAStateWithoutBehaviourUnscripted() {
        Scenario scenario = ScenarioParser.parse(SampleScenariosTest.SAMPLES.resolve("subsea-cables.yml"));

        assertThat(scenario.acknowledgementOf("PL", "cable-1")).isEmpty();
    }

    @Test
    void shouldBindInlineReferenceDataWithTypedLabelsDurationsAndInstants() {
        Scenario scenario = ScenarioParser.parse(SampleScenariosTest.SAMPLES.resolve("hospital-breach.yml"));

        InlineReference reference = (InlineReference) scenario.reference();
        assertThat(reference.states()).extracting(InlineReference.State::code).containsExactly("EE", "LV", "LT", "FI");
        assertThat(reference.contacts().get(1)).isEqualTo(new InlineReference.ContactChain("LV", List.of(
                new InlineReference.Contact("lv-cert-duty", "CERT.LV duty officer",
                        List.of(new InlineReference.Channel(ChannelType.INBOX, null))),
                new InlineReference.Contact("lv-ncsc-backup", "National Cyber Security Centre of Latvia, backup",
                        List.of(new InlineReference.Channel(ChannelType.INBOX, null))))));
        assertThat(reference.agreements().get(0)).isEqualTo(new InlineReference.Agreement("ee-lv-health-security", 1,
                "Estonia-Latvia hospital and e-health incident cooperation", List.of("EE", "LV"), List.of(Sector.HEALTH),
                List.of(IncidentClass.MALICIOUS_CODE, IncidentClass.INTRUSIONS, IncidentClass.AVAILABILITY,
                        IncidentClass.INFORMATION_CONTENT_SECURITY, IncidentClass.FRAUD),
                Severity.MEDIUM, Tlp.AMBER,
                List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS, DataCategory.PERSONAL_DATA),
                "GDPR Art. 6(1)(e) and Art. 9(2)(i); bilateral health-security MoU 2025",
                List.of(new InlineReference.Commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofHours(2), null),
                        new InlineReference.Commitment(CommitmentKind.INITIAL_ASSESSMENT, Duration.ofHours(24), null),
                        new InlineReference.Commitment(CommitmentKind.FINAL_REPORT, Duration.ofDays(30), null)),
                Instant.parse("2025-09-15T00:00:00Z"), Instant.parse("2028-09-14T23:59:59Z"), AgreementStatus.ACTIVE));
    }
}
