package org.entente.exercise.generator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioParser;
import org.entente.exercise.scenario.ScenarioTime;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a scenario for load: a number of injects over a number of states, the same file for
 * the same seed. Every state is a party to one regional agreement that covers every generated
 * incident, so each inject reaches every other state; one in ten carries personal data, which
 * the agreement withholds; one in ten comes a few minutes after an earlier inject. Each state is
 * scripted (mostly on time, some late, by backup or never) and expected to do what its script
 * and the agreement make it do, so a correct replay passes every expectation.
 */
public final class ScenarioGenerator {

    /** EU and EEA states: the generator spreads injects over the first {@code states} of them. */
    static final List<String> STATES = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
            "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK");
    private static final List<String> SECTORS = List.of("energy", "transport", "health");
    private static final List<String> CLASSES = List.of("availability", "malicious-code", "intrusions");
    private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
    private static final List<String> TLPS = List.of("CLEAR", "GREEN", "AMBER");
    private static final Duration MEAN_GAP = Duration.ofMinutes(1);
    private static final Duration ACKNOWLEDGE_WITHIN = Duration.ofHours(1);

    private final int injects;
    private final List<String> states;
    private final long seed;
    private final Random random;

    private ScenarioGenerator(int injects, int states, long seed) {
        if (injects < 1 || states < 2 || states > STATES.size()) {
            throw new IllegalArgumentException("Needs at least 1 inject and 2 to " + STATES.size() + " states");
        }
        this.injects = injects;
        this.states = STATES.subList(0, states);
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The scenario, parsed and checked like any file. */
    public static Scenario generate(int injects, int states, long seed) {
        return ScenarioParser.parse("generated-" + injects + "-" + states + "-" + seed + ".yml", yaml(injects, states, seed));
    }

    /** The scenario file. */
    public static String yaml(int injects, int states, long seed) {
        ScenarioGenerator generator = new ScenarioGenerator(injects, states, seed);
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(200).build();
        return new Dump(settings).dumpToString(generator.document());
    }

    private Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", "Generated load: " + injects + " injects over " + states.size() + " states, seed " + seed);
        document.put("objectives", List.of("Measure a replay of " + injects + " injects."));
        document.put("participants", states);
        document.put("reference", reference());
        List<Map<String, Object>> injectList = new ArrayList<>();
        Duration at = Duration.ZERO;
        for (int i = 0; i < injects; i++) {
            at = at.plusSeconds(random.nextLong(2 * MEAN_GAP.toSeconds() + 1));
            injectList.add(inject(i, at));
        }
        document.put("injects", injectList);
        List<Map<String, Object>> behaviours = new ArrayList<>();
        List<Map<String, Object>> expectations = new ArrayList<>();
        for (String state : states) {
            script(state, injectList, behaviours, expectations);
        }
        document.put("behaviours", behaviours);
        document.put("expectations", expectations);
        return document;
    }

    private Map<String, Object> reference() {
        List<Map<String, Object>> stateList = new ArrayList<>();
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (String state : states) {
            String prefix = state.toLowerCase(Locale.ROOT);
            stateList.add(map("code", state, "name", "State " + state));
            contacts.add(map("state", state, "chain", List.of(
                    map("id", prefix + "-duty", "name", state + " duty officer", "channels", List.of(map("type", "inbox"))),
                    map("id", prefix + "-backup", "name", state + " backup", "channels", List.of(map("type", "inbox"))))));
        }
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("id", "generated-regional");
        agreement.put("version", 1);
        agreement.put("title", "Generated regional incident sharing");
        agreement.put("parties", states);
        agreement.put("sectors", SECTORS);
        agreement.put("incidentClasses", CLASSES);
        agreement.put("minimumSeverity", "low");
        agreement.put("maxTlp", TLPS.get(TLPS.size() - 1));
        agreement.put("dataCategories", List.of("operational", "indicators"));
        agreement.put("commitments", List.of(map("kind", "acknowledge", "within", ACKNOWLEDGE_WITHIN.toString())));
        agreement.put("validFrom", "2025-01-01T00:00:00Z");
        agreement.put("status", "active");
        return map("states", stateList, "contacts", contacts, "agreements", List.of(agreement));
    }

    private Map<String, Object> inject(int index, Duration at) {
        Map<String, Object> inject = new LinkedHashMap<>();
        inject.put("id", id(index));
        if (index > 0 && random.nextInt(10) == 0) {
            inject.put("after", List.of(id(random.nextInt(index))));
            inject.put("at", "+" + (1 + random.nextInt(10)) + "m");
        } else {
            inject.put("at", ScenarioTime.offset(at));
        }
        inject.put("reportingState", pick(states));
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("sector", pick(SECTORS));
        incident.put("incidentClass", pick(CLASSES));
        incident.put("severity", pick(SEVERITIES));
        incident.put("tlp", pick(TLPS));
        incident.put("title", "Generated incident " + (index + 1));
        incident.put("summary", "Generated for load; no real event.");
        List<String> indicators = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            indicators.add("198.51.100." + random.nextInt(256));
        }
        incident.put("indicators", indicators);
        if (random.nextInt(10) == 0) {
            incident.put("personalData", map("names", List.of("Person " + (index + 1))));
        }
        inject.put("incident", incident);
        return inject;
    }

    /** The state's behaviour, and expectations that hold for it on the first inject it does not report. */
    private void script(String state, List<Map<String, Object>> injectList, List<Map<String, Object>> behaviours,
            List<Map<String, Object>> expectations) {
        int draw = random.nextInt(20);
        Object acknowledges;
        if (draw < 12) {
            acknowledges = map("after", (1 + random.nextInt(50)) + "m");
        } else if (draw < 15) {
            acknowledges = map("late", (5 + random.nextInt(26)) + "m");
        } else if (draw < 18) {
            acknowledges = map("byBackup", (5 + random.nextInt(16)) + "m");
        } else {
            acknowledges = "never";
        }
        behaviours.add(map("state", state, "acknowledges", acknowledges));
        expectations.add(map("receivesNoPersonalData", map("state", state)));
        injectList.stream().filter(inject -> !inject.get("reportingState").equals(state)).findFirst().ifPresent(inject -> {
            Map<String, Object> about = map("state", state, "inject", inject.get("id"));
            if (draw < 12) {
                about.put("within", ScenarioTime.span(ACKNOWLEDGE_WITHIN));
                expectations.add(map("acknowledges", about));
            } else {
                expectations.add(map(draw < 15 ? "receives" : "escalatesToBackup", about));
            }
        });
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String id(int index) {
        return String.format("inject-%05d", index + 1);
    }

    /** An ordered mapping of key-value pairs. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
