package org.entente.exercise.report;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ZERO;

import java.util.List;

import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentResult;
import org.entente.events.DataCategory;
import org.entente.exercise.report.Observed.Acknowledged;
import org.entente.exercise.report.Observed.Agreement;
import org.entente.exercise.report.Observed.AlertIssued;
import org.entente.exercise.report.Observed.CommitmentOutcome;
import org.entente.exercise.report.Observed.Escalated;
import org.entente.exercise.report.Observed.InjectSent;
import org.entente.exercise.report.Observed.Withheld;
import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioParser;

/**
 * A two-inject drill and what its replay observed: Estonia reports at +0s, Finland at +30m.
 * Finland acknowledges in 20m; Latvia's primary never answers the first alert, its backup does
 * 10m after the escalation (late); nobody at Latvia answers the second (missed).
 */
final class Drill {

    static final Agreement ESTLINK = new Agreement("estlink-energy", 2);
    static final Agreement NB8 = new Agreement("nb8-energy", 1);

    private Drill() {
    }

    static Scenario scenario() {
        return ScenarioParser.parse("drill.yml", """
                name: Drill <grid>
                description: Two reports & their alerts.
                objectives: [Partners acknowledge in time, No personal data leaves]
                participants: [EE, FI, LV]
                reference: live
                injects:
                  - id: first
                    at: +0s
                    reportingState: EE
                    incident: { sector: energy, incidentClass: availability, severity: high, tlp: AMBER,
                                title: Substation control lost, summary: RTUs silent., indicators: [198.51.100.23],
                                personalData: { names: [Shift engineer] } }
                  - id: second
                    after: [first]
                    at: +30m
                    reportingState: FI
                    incident: { sector: energy, incidentClass: availability, severity: high, tlp: AMBER,
                                title: Interconnector tripped, summary: Protection tripped. }
                behaviours:
                  - { state: FI, acknowledges: { after: 20m } }
                  - { state: EE, acknowledges: { after: 20m } }
                  - { state: LV, injects: [first], acknowledges: { byBackup: 10m } }
                  - { state: LV, acknowledges: never }
                expectations:
                  - acknowledges: { state: FI, inject: first, within: 30m }
                  - acknowledges: { state: LV, inject: first, within: 1h }
                  - receives: { state: LV, inject: second }
                  - receivesNoPersonalData: { state: LV }
                  - escalatesToBackup: { state: LV, inject: second }
                """);
    }

    static List<Observed> events() {
        return List.of(
                new InjectSent(ZERO, "first", "EE"),
                new AlertIssued(ZERO, "first", "FI", ESTLINK, List.of(ESTLINK, NB8), List.of(DataCategory.OPERATIONAL),
                        List.of(new Withheld(DataCategory.INDICATORS, "not permitted under estlink-energy v2"),
                                new Withheld(DataCategory.PERSONAL_DATA, "not permitted under estlink-energy v2, nb8-energy v1"))),
                new AlertIssued(ZERO, "first", "LV", NB8, List.of(NB8), List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS),
                        List.of(new Withheld(DataCategory.PERSONAL_DATA, "not permitted under nb8-energy v1"))),
                new Acknowledged(ofMinutes(20), "first", "FI", "fi-ncsc-duty"),
                new CommitmentOutcome(ofMinutes(20), "first", "FI", CommitmentKind.ACKNOWLEDGE, CommitmentResult.HONOURED, ofMinutes(30)),
                new Escalated(ofMinutes(60), "first", "LV", 1, "lv-ncsc-backup"),
                new Acknowledged(ofMinutes(70), "first", "LV", "lv-ncsc-backup"),
                new CommitmentOutcome(ofMinutes(70), "first", "LV", CommitmentKind.ACKNOWLEDGE, CommitmentResult.LATE, ofMinutes(60)),
                new InjectSent(ofMinutes(30), "second", "FI"),
                new AlertIssued(ofMinutes(30), "second", "EE", ESTLINK, List.of(ESTLINK, NB8), List.of(DataCategory.OPERATIONAL), List.of()),
                new AlertIssued(ofMinutes(30), "second", "LV", NB8, List.of(NB8), List.of(DataCategory.OPERATIONAL), List.of()),
                new Acknowledged(ofMinutes(50), "second", "EE", "ee-cert-duty"),
                new CommitmentOutcome(ofMinutes(50), "second", "EE", CommitmentKind.ACKNOWLEDGE, CommitmentResult.HONOURED, ofMinutes(60)),
                new Escalated(ofMinutes(90), "second", "LV", 1, "lv-ncsc-backup"),
                new CommitmentOutcome(ofMinutes(150), "second", "LV", CommitmentKind.ACKNOWLEDGE, CommitmentResult.MISSED, ofMinutes(90)));
    }
}
