package org.entente.exercise.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of error a scenario file can have, each named with its exact line, column and key
 * path. Each case changes one thing in a valid drill (line numbers in the comments).
 */
class ScenarioValidationTest {

    private static final String DRILL = """
            name: Drill
            objectives: [Partners acknowledge in time]
            participants: [EE, FI, LV]
            reference: live
            injects:
              - id: first
                at: +0s
                reportingState: EE
                incident:
                  sector: energy
                  incidentClass: availability
                  severity: high
                  tlp: AMBER
                  title: Substation control lost
                  summary: RTUs stopped answering.
              - id: second
                after: [first]
                at: +30m
                reportingState: FI
                incident: { sector: energy, incidentClass: availability, severity: high, tlp: AMBER, title: Follow-up, summary: More. }
            behaviours:
              - { state: FI, acknowledges: { after: 20m } }
              - { state: LV, injects: [second], acknowledges: never }
            expectations:
              - acknowledges: { state: FI, inject: first, within: 30m }
              - receives: { state: LV, inject: second }
            """;

    private static final String INLINE = """
            name: Inline drill
            objectives: [Check the reference]
            participants: [EE, FI]
            reference:
              states:
                - { code: EE, name: Estonia }
                - { code: FI, name: Finland }
              contacts:
                - state: EE
                  chain:
                    - { id: ee-duty, name: Duty officer, channels: [ { type: inbox } ] }
                    - { id: ee-backup, name: Backup, channels: [ { type: inbox } ] }
                - state: FI
                  chain:
                    - { id: fi-duty, name: Duty officer, channels: [ { type: inbox } ] }
              agreements:
                - id: ee-fi-energy
                  version: 1
                  title: Estonia-Finland energy
                  parties: [EE, FI]
                  sectors: [energy]
                  incidentClasses: [availability]
                  minimumSeverity: low
                  maxTlp: AMBER
                  dataCategories: [operational]
                  personalDataLegalBasis: null
                  commitments:
                    - { kind: acknowledge, within: PT30M }
                  validFrom: 2026-01-01T00:00:00Z
                  status: active
            injects:
              - id: first
                at: +0s
                reportingState: EE
                incident: { sector: energy, incidentClass: availability, severity: high, tlp: AMBER, title: T, summary: S }
            behaviours:
              - { state: FI, acknowledges: { after: 10m } }
            expectations:
              - acknowledges: { state: FI, inject: first, within: 30m }
            """;

    @Test
    void shouldAcceptBothDrillsUnchanged() {
        assertThat(ScenarioParser.parse("drill.yml", DRILL).injects()).hasSize(2);
        assertThat(ScenarioParser.parse("inline.yml", INLINE).injects()).hasSize(1);
    }

    static Stream<Arguments> drillErrors() {
        return Stream.of(
                Arguments.of("YAML syntax: where the reader stopped (line 14)",
                        "title: Substation control lost", "title: Substation: control lost",
                        List.of("drill.yml:14:24: is not valid YAML: mapping values are not allowed here")),
                Arguments.of("a key given twice (line 13)",
                        "      severity: high\n", "      severity: high\n      severity: low\n",
                        List.of("drill.yml:13:7: injects[0].incident.severity: appears twice in the same mapping")),
                Arguments.of("an unknown key, at the key, with the known ones (line 9)",
                        "    reportingState: EE\n", "    reportingState: EE\n    reporter: EE\n",
                        List.of("drill.yml:9:5: injects[0].reporter: is not a known key here; expected one of id, at, "
                                + "reportingState, after, incident")),
                Arguments.of("a missing key, at the key of the mapping that lacks it (line 9)",
                        "      summary: RTUs stopped answering.\n", "",
                        List.of("drill.yml:9:5: injects[0].incident.summary: is required")),
                Arguments.of("a label outside its vocabulary, at the value (line 13)",
                        "tlp: AMBER\n", "tlp: AMBR\n",
                        List.of("drill.yml:13:12: injects[0].incident.tlp: does not have a value in the enumeration "
                                + "[\"CLEAR\", \"GREEN\", \"AMBER\", \"AMBER+STRICT\", \"RED\"]")),
                Arguments.of("an offset without its plus sign (line 7)",
                        "at: +0s", "at: 0s",
                        List.of("drill.yml:7:9: injects[0].at: must be an offset such as +2h30m or +45s")),
                Arguments.of("an offset beyond what a duration holds (line 18)",
                        "at: +30m", "at: +9999999999999999999m",
                        List.of("drill.yml:18:9: injects[1].at: is too large")),
                Arguments.of("a malformed state code, and the states that then take no part (lines 3, 23, 26)",
                        "[EE, FI, LV]", "[EE, FI, Lv]",
                        List.of("drill.yml:3:24: participants[2]: must be an ISO 3166-1 alpha-2 code such as EE",
                                "drill.yml:23:14: behaviours[1].state: LV is not among the participants",
                                "drill.yml:26:24: expectations[1].receives.state: LV is not among the participants")),
                Arguments.of("reference neither live nor inline (line 4)",
                        "reference: live", "reference: latest",
                        List.of("drill.yml:4:12: reference: must be live, or inline states, contacts and agreements")),
                Arguments.of("after naming no inject (line 17)",
                        "after: [first]", "after: [frist]",
                        List.of("drill.yml:17:13: injects[1].after[0]: frist is not the id of any inject")),
                Arguments.of("after naming the inject itself (line 17)",
                        "after: [first]", "after: [second]",
                        List.of("drill.yml:17:13: injects[1].after[0]: names the inject itself")),
                Arguments.of("after making a cycle, at the entry that closes it (line 18)",
                        "    at: +0s\n", "    after: [second]\n    at: +0s\n",
                        List.of("drill.yml:18:13: injects[1].after[0]: makes a cycle: first → second → first")),
                Arguments.of("an inject id used twice (line 16)",
                        "  - id: second\n", "  - id: first\n",
                        List.of("drill.yml:16:9: injects[1].id: first is already used at injects[0].id",
                                "drill.yml:17:13: injects[1].after[0]: names the inject itself",
                                "drill.yml:23:28: behaviours[1].injects[0]: second is not the id of any inject",
                                "drill.yml:26:36: expectations[1].receives.inject: second is not the id of any inject")),
                Arguments.of("a reporting state that takes no part (line 19)",
                        "reportingState: FI", "reportingState: DE",
                        List.of("drill.yml:19:21: injects[1].reportingState: DE is not among the participants")),
                Arguments.of("TLP:RED without named recipients, at the incident (line 9)",
                        "tlp: AMBER\n", "tlp: RED\n",
                        List.of("drill.yml:9:5: injects[0].incident.namedRecipients: is required for TLP:RED")),
                Arguments.of("named recipients that report the inject or take no part (line 20)",
                        "summary: More. }", "summary: More., namedRecipients: [FI, DE] }",
                        List.of("drill.yml:20:142: injects[1].incident.namedRecipients[0]: must not name the reporting state itself",
                                "drill.yml:20:146: injects[1].incident.namedRecipients[1]: DE is not among the participants")),
                Arguments.of("a behaviour with two answers (line 22)",
                        "{ after: 20m }", "{ after: 20m, late: 5m }",
                        List.of("drill.yml:22:32: behaviours[0].acknowledges: must hold only one of after, late, byBackup")),
                Arguments.of("a behaviour with an unknown answer (line 23)",
                        "acknowledges: never", "acknowledges: sometimes",
                        List.of("drill.yml:23:51: behaviours[1].acknowledges: must be never, or one of after, late, byBackup with a span")),
                Arguments.of("two behaviours for all of a state's injects (line 23)",
                        "{ state: LV, injects: [second], acknowledges: never }", "{ state: FI, acknowledges: never }",
                        List.of("drill.yml:23:14: behaviours[1].state: FI already has a behaviour for all its injects at behaviours[0]")),
                Arguments.of("two behaviours of a state for one inject (line 24)",
                        "expectations:\n", "  - { state: LV, injects: [second], acknowledges: { after: 5m } }\nexpectations:\n",
                        List.of("drill.yml:24:28: behaviours[2].injects[0]: LV already has a behaviour for second at behaviours[1].injects[0]")),
                Arguments.of("a misspelt expectation, at the key, with the known ones (line 26)",
                        "  - receives:", "  - recieves:",
                        List.of("drill.yml:26:5: expectations[1].recieves: is not a known key here; expected one of "
                                + "acknowledges, receives, doesNotReceive, receivesNoPersonalData, escalatesToBackup")),
                Arguments.of("two expectations in one item (line 26)",
                        "  - receives: { state: LV, inject: second }", "  - receives: { state: LV, inject: second }\n    doesNotReceive: { state: EE, inject: second }",
                        List.of("drill.yml:26:5: expectations[1]: must hold only one expectation; write each as its own list item")),
                Arguments.of("an expectation that a state receives its own report (line 26)",
                        "receives: { state: LV, inject: second }", "receives: { state: FI, inject: second }",
                        List.of("drill.yml:26:24: expectations[1].receives.state: FI reports second itself and gets no alert of it")),
                Arguments.of("an expectation span that is not one (line 25)",
                        "within: 30m", "within: 30 minutes",
                        List.of("drill.yml:25:55: expectations[0].acknowledges.within: must be a span such as 20m or 1h30m")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drillErrors")
    void shouldNameEveryErrorWithLineColumnAndKeyPath(String kind, String valid, String broken, List<String> expected) {
        assertThat(DRILL).contains(valid);

        assertThat(errors("drill.yml", DRILL.replace(valid, broken))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> inlineReferenceErrors() {
        return Stream.of(
                Arguments.of("a participant the reference does not list (line 3)",
                        "participants: [EE, FI]", "participants: [EE, FI, LV]",
                        List.of("inline.yml:3:24: participants[2]: LV is not among reference.states")),
                Arguments.of("a participant without a contact chain (line 3)",
                        "    - state: FI\n      chain:\n        - { id: fi-duty, name: Duty officer, channels: [ { type: inbox } ] }\n", "",
                        List.of("inline.yml:3:20: participants[1]: FI has no contact chain in reference.contacts")),
                Arguments.of("an agreement party the reference does not list (line 20)",
                        "parties: [EE, FI]", "parties: [EE, SE]",
                        List.of("inline.yml:20:21: reference.agreements[0].parties[1]: SE is not among reference.states")),
                Arguments.of("a commitment that is not an ISO-8601 duration (line 28)",
                        "within: PT30M", "within: 30m",
                        List.of("inline.yml:28:40: reference.agreements[0].commitments[0].within: must be a positive "
                                + "ISO-8601 duration such as PT30M or P30D")),
                Arguments.of("a validity that is not an instant (line 29)",
                        "validFrom: 2026-01-01T00:00:00Z", "validFrom: 2026-01-01",
                        List.of("inline.yml:29:18: reference.agreements[0].validFrom: must be an ISO-8601 instant such as "
                                + "2026-01-01T00:00:00Z")),
                Arguments.of("a validity that ends before it starts (line 30)",
                        "      status: active", "      validUntil: 2025-01-01T00:00:00Z\n      status: active",
                        List.of("inline.yml:30:19: reference.agreements[0].validUntil: must be after validFrom")),
                Arguments.of("personal data without a legal basis (line 26)",
                        "dataCategories: [operational]", "dataCategories: [operational, personal-data]",
                        List.of("inline.yml:26:31: reference.agreements[0].personalDataLegalBasis: must name a legal basis "
                                + "when personal-data may flow")),
                Arguments.of("a webhook that is not https (line 15)",
                        "channels: [ { type: inbox } ] }\n  agreements", "channels: [ { type: webhook, address: http://fi.example } ] }\n  agreements",
                        List.of("inline.yml:15:84: reference.contacts[1].chain[0].channels[0].address: must be an https:// URL for a webhook")),
                Arguments.of("a backup answering where the chain has none (line 37)",
                        "{ after: 10m }", "{ byBackup: 10m }",
                        List.of("inline.yml:37:44: behaviours[0].acknowledges.byBackup: FI has no backup contact in its chain")),
                Arguments.of("an escalation expected where the chain has none (line 39)",
                        "  - acknowledges: { state: FI, inject: first, within: 30m }", "  - escalatesToBackup: { state: FI, inject: first }",
                        List.of("inline.yml:39:33: expectations[0].escalatesToBackup.state: FI has no backup contact in its chain")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inlineReferenceErrors")
    void shouldCheckInlineReferenceData(String kind, String valid, String broken, List<String> expected) {
        assertThat(INLINE).contains(valid);

        assertThat(errors("inline.yml", INLINE.replace(valid, broken))).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldReportAnEmptyFile() {
        assertThat(errors("empty.yml", "# nothing yet\n")).containsExactly("empty.yml:1:1: is empty");
    }

    @Test
    void shouldReportEveryErrorOfEveryKindAtOnceInFileOrder() {
        String broken = DRILL.replace("      severity: high\n", "      severity: high\n      severity: low\n")
                .replace("tlp: AMBER,", "tlp: amber,")
                .replace("after: [first]", "after: [frist]")
                .replace("within: 30m", "within: soon");

        assertThat(errors("drill.yml", broken)).containsExactly(
                "drill.yml:13:7: injects[0].incident.severity: appears twice in the same mapping",
                "drill.yml:18:13: injects[1].after[0]: frist is not the id of any inject",
                "drill.yml:21:83: injects[1].incident.tlp: does not have a value in the enumeration "
                        + "[\"CLEAR\", \"GREEN\", \"AMBER\", \"AMBER+STRICT\", \"RED\"]",
                "drill.yml:26:55: expectations[0].acknowledges.within: must be a span such as 20m or 1h30m");
    }

    private static List<String> errors(String file, String yaml) {
        InvalidScenarioException invalid = assertThrows(InvalidScenarioException.class, () -> ScenarioParser.parse(file, yaml));
        return invalid.errors().stream().map(ScenarioError::toString).toList();
    }
}
