package org.entente.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric that a Grafana dashboard panel or a Prometheus alert rule under deploy/ queries is
 * one the running services really expose: it scrapes the three services' /actuator/prometheus
 * after {@link EndToEndTest} drove a report through the whole pipeline and answered a
 * communication check (so the business meters, which appear on first use, exist: alerts issued
 * and escalated, outcomes, checks sent and decided, trust figures) and
 * compares the names with those it parses out of the PromQL.
 */
@Order(2)
class MetricsCoverageTest {

    /** Names PromQL reserves or Prometheus makes itself: never looked for in a scrape. */
    static final Set<String> NOT_METRICS = Set.of(
            // binary and set operators, modifiers
            "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
            "atan2", "inf", "nan", "Inf", "NaN",
            // aggregation operators (written before `by (…)` as often as before their parenthesis)
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio",
            // series Prometheus writes, not the services
            "up", "ALERTS", "ALERTS_FOR_STATE", "scrape_duration_seconds", "scrape_samples_scraped");

    static final Set<String> HISTOGRAM_SUFFIXES = Set.of("_bucket", "_sum", "_count");

    static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:$])([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?");
    static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,)]+)\\s*,");

    @Test
    void everyMetricTheDashboardsAndAlertRulesQueryIsExposedByARunningService() {
        Map<String, Set<String>> referencedBy = referencedMetricNames();
        System.out.println("Metric names the dashboards and alert rules of deploy/ query (" + referencedBy.size() + "):");
        referencedBy.forEach((name, where) -> System.out.println("  " + name + "  <- " + String.join(", ", where)));
        assertThat(referencedBy).as("the parser found the business metrics")
                .containsKeys("entente_incidents_received_total", "entente_trust_honoured_ratio");

        RunningServices services = RunningServices.get();
        // The trust gauges are recomputed every second here; give the last figures a moment.
        await().atMost(RunningServices.WAIT).untilAsserted(() -> {
            Exposed exposed = scrape(services);
            Map<String, Set<String>> missing = new TreeMap<>();
            referencedBy.forEach((name, where) -> {
                if (!exposed.covers(name)) {
                    missing.put(name, where);
                }
            });
            assertThat(missing).as("metrics queried under deploy/ that no service exposes (name -> where)").isEmpty();
        });
        System.out.println("All " + referencedBy.size() + " are exposed by incident-service, notification-service or trust-service.");
    }

    @Test
    void parsesMetricNamesOutOfPromQl() {
        assertThat(metricNames("""
                sum by (recipient_state) (increase(entente_alerts_issued_total{exercise="false", recipient_state=~"$state"}[$__rate_interval]))
                / on (recipient_state) group_left max without (instance) (rate(http_server_requests_seconds_count{uri!~"/a{2}[b]"}[5m] offset 1h))
                unless up == 0 and jvm_memory_used_bytes > 0.5e3 and histogram_quantile(0.9, sum by (le) (x_seconds_bucket))
                """)).containsExactlyInAnyOrder("entente_alerts_issued_total", "http_server_requests_seconds_count",
                "jvm_memory_used_bytes", "x_seconds_bucket");
    }

    record Exposed(Set<String> samples, Map<String, String> types) {

        /** Exposed as a sample name, or a histogram's or summary's _bucket/_sum/_count of an exposed family. */
        boolean covers(String name) {
            if (samples.contains(name)) {
                return true;
            }
            for (String suffix : HISTOGRAM_SUFFIXES) {
                if (name.endsWith(suffix)) {
                    String type = types.get(name.substring(0, name.length() - suffix.length()));
                    if ("histogram".equals(type) || (!suffix.equals("_bucket") && "summary".equals(type))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    static Exposed scrape(RunningServices services) {
        Set<String> samples = new TreeSet<>();
        Map<String, String> types = new HashMap<>();
        for (ConfigurableApplicationContext service : services.all()) {
            String text = RunningServices.managementClient(service).get().uri("/actuator/prometheus")
                    .header("Accept", "text/plain;version=0.0.4")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            for (String line : text.split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    String[] parts = line.split(" ");
                    types.put(parts[2], parts[3]);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    samples.add(line.split("[{ ]", 2)[0]);
                }
            }
        }
        return new Exposed(samples, types);
    }

    /** Metric name → the files (and panels or alerts) that query it. */
    static Map<String, Set<String>> referencedMetricNames() {
        Map<String, Set<String>> referencedBy = new TreeMap<>();
        Path deploy = repositoryRoot().resolve("deploy");
        for (Map.Entry<String, String> query : queries(deploy).entrySet()) {
            for (String name : metricNames(query.getValue())) {
                referencedBy.computeIfAbsent(name, any -> new TreeSet<>()).add(query.getKey());
            }
        }
        return referencedBy;
    }

    /** Every PromQL expression under deploy/: alert and recording rules, dashboard targets and variables. */
    static Map<String, String> queries(Path deploy) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (Path file : filesUnder(deploy.resolve("prometheus"), ".yml", ".yaml")) {
            Object document = new Yaml().load(read(file));
            if (!(document instanceof Map<?, ?> rules) || !(rules.get("groups") instanceof List<?> groups)) {
                continue; // prometheus.yml, the rules' unit tests
            }
            for (Object group : groups) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    Map<?, ?> definition = (Map<?, ?>) rule;
                    Object name = definition.containsKey("alert") ? definition.get("alert") : definition.get("record");
                    queries.put(deploy.relativize(file) + " " + name, String.valueOf(definition.get("expr")));
                }
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        for (Path file : filesUnder(deploy.resolve("grafana"), ".json")) {
            JsonNode dashboard = json.readTree(read(file));
            List<JsonNode> panels = new ArrayList<>();
            dashboard.path("panels").forEach(panel -> {
                panels.add(panel);
                panel.path("panels").forEach(panels::add);
            });
            for (JsonNode panel : panels) {
                for (JsonNode target : panel.path("targets")) {
                    queries.put(deploy.relativize(file) + " \"" + panel.path("title").asString("") + "\" "
                            + target.path("refId").asString(""), target.path("expr").asString(""));
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asString("") : query.asString("");
                Matcher labelValues = LABEL_VALUES.matcher(text);
                queries.put(deploy.relativize(file) + " $" + variable.path("name").asString(""),
                        labelValues.find() ? labelValues.group(1) : text.replaceAll("^\\w+\\((.*)\\)$", "$1"));
            }
        }
        return queries;
    }

    /**
     * The metric names of a PromQL expression: identifiers used bare or before a label matcher or
     * a range, leaving out strings, label matchers and lists, durations, Grafana variables,
     * functions (an identifier before a parenthesis), keywords and aggregation operators.
     */
    static Set<String> metricNames(String expression) {
        String promql = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("'(\\\\.|[^'\\\\])*'", "''")
                .replaceAll("`[^`]*`", "``")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " $1 ")
                .replaceAll("\\$\\{[^}]*}|\\$\\w+", " ")
                .replaceAll("\\boffset\\s+-?[0-9a-z]+", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(promql);
        while (identifier.find()) {
            String name = identifier.group(1);
            boolean function = identifier.group(2) != null;
            if (!function && !NOT_METRICS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !(Files.isRegularFile(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("deploy")))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("the repository root above %s", Path.of("").toAbsolutePath()).isNotNull();
        return directory;
    }

    private static List<Path> filesUnder(Path directory, String... suffixes) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(file.getFileName().toString()::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
