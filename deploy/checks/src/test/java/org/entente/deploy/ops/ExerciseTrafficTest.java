package org.entente.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.deploy.ops.DeployFiles.read;
import static org.entente.deploy.ops.DeployFiles.relative;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Exercise traffic never counts in real figures (DESIGN.md §1). notification-service labels the
 * alerts it issues and escalates and the commitment outcomes it records with {@code exercise}
 * ({@code "true"} under an exercise id): every dashboard query and alert rule on those counters
 * picks one side with {@code exercise="true"} or {@code exercise="false"}. The panels whose title
 * begins with "Exercise" show exercise traffic only, every other panel and every rule real traffic
 * only, but for EntentePipelineStalled, which counts both on purpose (incidents received carry no
 * exercise label, so an exercise's incidents must be answerable by its alerts).
 */
class ExerciseTrafficTest {

    static final Set<String> EXERCISE_LABELLED = Set.of(
            "entente_alerts_issued_total", "entente_alerts_escalated_total", "entente_commitments_outcomes_total");

    /** Alert rules that count exercise and real traffic together, on purpose (the rule's comment says why). */
    static final Set<String> BOTH_ON_PURPOSE = Set.of("EntentePipelineStalled");

    static final Pattern SELECTOR = Pattern.compile("(?<![\\w:])([a-zA-Z_:][\\w:]*)\\s*(\\{[^}]*})?");
    static final Pattern EXERCISE_MATCHER = Pattern.compile("(?<!\\w)exercise\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    static final String EXERCISE = "exercise=\"true\"";
    static final String REAL = "exercise=\"false\"";
    static final String ANY = "no exercise matcher";

    /** A selector of an exercise-labelled counter and its exercise matcher, as {@code exercise="true"}, or {@link #ANY}. */
    record Selector(String where, String metric, String exercise) {
    }

    @Test
    void everyPanelOnTheseCountersShowsExerciseTrafficOnlyWhereItsTitleSaysSo() {
        Map<String, String> wrong = new TreeMap<>();
        Set<String> exerciseMetrics = new TreeSet<>();
        Set<String> realMetrics = new TreeSet<>();
        for (Path file : DashboardsTest.dashboardFiles()) {
            for (JsonNode panel : DashboardsTest.panels(DashboardsTest.JSON.readTree(read(file)))) {
                String title = panel.path("title").asString("");
                String expected = title.startsWith("Exercise") ? EXERCISE : REAL;
                for (JsonNode target : panel.path("targets")) {
                    String where = relative(file) + ", panel \"" + title + "\" " + target.path("refId").asString("");
                    for (Selector selector : selectors(where, target.path("expr").asString(""))) {
                        (expected.equals(EXERCISE) ? exerciseMetrics : realMetrics).add(selector.metric());
                        if (!selector.exercise().equals(expected)) {
                            wrong.put(where, selector.metric() + ": " + selector.exercise() + ", not " + expected);
                        }
                    }
                }
            }
        }

        assertThat(wrong).as("panels counting the wrong traffic").isEmpty();
        assertThat(exerciseMetrics).as("exercise panels cover every exercise-labelled counter").isEqualTo(EXERCISE_LABELLED);
        assertThat(realMetrics).as("real-traffic panels cover every exercise-labelled counter").isEqualTo(EXERCISE_LABELLED);
    }

    @Test
    void everyAlertRuleOnTheseCountersCountsRealTrafficOnly() {
        Map<String, String> wrong = new TreeMap<>();
        Set<String> checked = new TreeSet<>();
        PrometheusRulesTest.alertRules().forEach((name, rule) -> {
            for (Selector selector : selectors(name, String.valueOf(rule.get("expr")))) {
                checked.add(name);
                String expected = BOTH_ON_PURPOSE.contains(name) ? ANY : REAL;
                if (!selector.exercise().equals(expected)) {
                    wrong.put(name, selector.metric() + ": " + selector.exercise() + ", not " + expected);
                }
            }
        });

        assertThat(wrong).as("alert rules counting the wrong traffic").isEmpty();
        assertThat(checked).as("rules on exercise-labelled counters")
                .contains("EntenteEscalationsRising", "EntenteMissedCommitmentsRising").containsAll(BOTH_ON_PURPOSE);
    }

    @Test
    void findsTheExerciseMatcherOfEachSelector() {
        assertThat(selectors("q", """
                sum(increase(entente_alerts_issued_total{exercise="true"}[5m]))
                / sum(rate(entente_commitments_outcomes_total{result="missed", exercise = "false", kind=~"a|b"}[$__range]))
                unless entente_alerts_escalated_total{exercise!="false"} or entente_alerts_escalated_total
                or entente_incidents_received_total
                """)).containsExactly(
                new Selector("q", "entente_alerts_issued_total", EXERCISE),
                new Selector("q", "entente_commitments_outcomes_total", REAL),
                new Selector("q", "entente_alerts_escalated_total", "exercise!=\"false\""),
                new Selector("q", "entente_alerts_escalated_total", ANY));
    }

    /** The selectors of the exercise-labelled counters in a PromQL expression, each with its exercise matcher. */
    static List<Selector> selectors(String where, String promql) {
        List<Selector> selectors = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(promql);
        while (selector.find()) {
            if (!EXERCISE_LABELLED.contains(selector.group(1))) {
                continue;
            }
            String exercise = ANY;
            Matcher matcher = EXERCISE_MATCHER.matcher(selector.group(2) == null ? "" : selector.group(2));
            if (matcher.find()) {
                exercise = "exercise" + matcher.group(1) + "\"" + matcher.group(2) + "\"";
            }
            selectors.add(new Selector(where, selector.group(1), exercise));
        }
        return selectors;
    }
}
