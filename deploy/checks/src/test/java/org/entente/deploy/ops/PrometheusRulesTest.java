package org.entente.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.entente.deploy.ops.DeployFiles.deploy;
import static org.entente.deploy.ops.DeployFiles.files;
import static org.entente.deploy.ops.DeployFiles.list;
import static org.entente.deploy.ops.DeployFiles.listAt;
import static org.entente.deploy.ops.DeployFiles.map;
import static org.entente.deploy.ops.DeployFiles.mapAt;
import static org.entente.deploy.ops.DeployFiles.relative;
import static org.entente.deploy.ops.DeployFiles.stringAt;
import static org.entente.deploy.ops.DeployFiles.yamlDocuments;
import static org.entente.deploy.ops.DeployFiles.yamlFile;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/prometheus as Prometheus itself reads it: promtool checks both scrape configurations
 * (the local run's, and the compose stack's laid out as compose mounts it), the alert rules, and
 * runs the rules' unit tests. Without promtool the test fails under CI and is skipped elsewhere.
 * Also: every alert rule has a `for`, a severity and both annotations, and the unit tests show
 * each one firing and not firing.
 */
class PrometheusRulesTest {

    static final String INSTALL = "apt-get update && apt-get install -y --no-install-recommends prometheus"
            + " (Debian's package brings promtool; .ci/run does this)";
    static final Set<String> SEVERITIES = Set.of("critical", "warning");

    static final Optional<Path> PROMTOOL = Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
            .filter(directory -> !directory.isBlank())
            .map(directory -> Path.of(directory, "promtool"))
            .filter(Files::isExecutable)
            .findFirst();

    /**
     * promtool, for each test that runs it: without it, fails under CI and skips the test (saying
     * how to install it) elsewhere; the checks that only read the YAML run regardless.
     */
    static Path promtool() {
        if (PROMTOOL.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("promtool is not installed, and CI must check the alert rules: " + INSTALL);
            }
            assumeTrue(false, "promtool is not installed; to check deploy/prometheus: " + INSTALL);
        }
        return PROMTOOL.get();
    }

    @Test
    void theLocalRunsConfigurationIsValidAndFindsEveryRuleFile() {
        Path config = deploy("prometheus", "prometheus.yml");

        String output = promtoolSucceeds("check", "config", config.toString());

        assertThat(output).contains("SUCCESS: " + ruleFiles().size() + " rule files found");
    }

    @Test
    void theComposeStacksConfigurationIsValidWhereComposeMountsIt(@TempDir Path container) throws IOException {
        // Lay the files out as compose mounts them into the Prometheus container.
        Map<String, Object> prometheus = mapAt(yamlFile(deploy("compose", "compose.yaml")), "services.prometheus");
        Path config = null;
        for (Object volume : listAt(prometheus, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (!parts[0].startsWith(".")) {
                continue; // a named volume
            }
            Path source = deploy("compose").resolve(parts[0]).normalize();
            Path target = container.resolve(parts[1].substring(1));
            Files.createDirectories(target.getParent());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
                for (Path file : files(source, ".yml", ".yaml")) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            } else {
                Files.copy(source, target);
            }
            if (parts[1].equals(configFile(prometheus))) {
                config = target;
            }
        }
        assertThat(config).as("compose mounts the file Prometheus is started with (%s)", configFile(prometheus)).isNotNull();

        String output = promtoolSucceeds("check", "config", config.toString());

        assertThat(output).contains("SUCCESS: " + ruleFiles().size() + " rule files found");
    }

    @Test
    void theAlertRulesAreValid() {
        List<String> command = new ArrayList<>(List.of("check", "rules"));
        ruleFiles().forEach(file -> command.add(file.toString()));

        promtoolSucceeds(command.toArray(String[]::new));
    }

    @Test
    void theRulesUnitTestsPass() {
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        testFiles().forEach(file -> command.add(file.toString()));

        String output = promtoolSucceeds(command.toArray(String[]::new));

        assertThat(output).doesNotContain("FAILED");
    }

    @Test
    void everyAlertRuleWaitsCarriesASeverityAndExplainsItself() {
        Map<String, Map<String, Object>> rules = alertRules();
        assertThat(rules).isNotEmpty();
        rules.forEach((name, rule) -> {
            assertThat(stringAt(rule, "for")).as("%s: for", name).matches("[1-9][0-9]*[smh]");
            assertThat(stringAt(rule, "labels.severity")).as("%s: severity", name).isIn(SEVERITIES);
            assertThat(stringAt(rule, "annotations.summary")).as("%s: summary", name).isNotBlank();
            assertThat(stringAt(rule, "annotations.description")).as("%s: description", name).isNotBlank();
            assertThat(rule).as("%s: fields Prometheus 2.42 knows", name)
                    .containsOnlyKeys("alert", "expr", "for", "labels", "annotations");
        });
    }

    @Test
    void everyAlertRuleIsTestedBothFiringAndNotFiring() {
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (Path file : testFiles()) {
            for (Object group : listAt(yamlFile(file), "tests")) {
                for (Object test : listAt(map(group), "alert_rule_test")) {
                    Map<String, Object> alertTest = map(test);
                    String name = stringAt(alertTest, "alertname");
                    (list(alertTest.get("exp_alerts")).isEmpty() ? quiet : firing).add(name);
                }
            }
        }
        Set<String> rules = alertRules().keySet();

        assertThat(firing).as("rules tested firing").containsAll(rules);
        assertThat(quiet).as("rules tested not firing").containsAll(rules);
        assertThat(rules).as("tested alerts that are rules").containsAll(firing).containsAll(quiet);
    }

    static Map<String, Map<String, Object>> alertRules() {
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        for (Path file : ruleFiles()) {
            for (Map<String, Object> document : yamlDocuments(file)) {
                for (Object group : listAt(document, "groups")) {
                    assertThat(map(group).keySet()).as("fields of a group of %s", relative(file)).isSubsetOf("name", "rules", "interval");
                    for (Object rule : listAt(map(group), "rules")) {
                        Map<String, Object> alert = map(rule);
                        if (alert.containsKey("alert")) {
                            assertThat(rules.put(String.valueOf(alert.get("alert")), alert))
                                    .as("alert %s defined once", alert.get("alert")).isNull();
                        }
                    }
                }
            }
        }
        return rules;
    }

    static List<Path> ruleFiles() {
        return files(deploy("prometheus", "rules"), ".rules.yml");
    }

    static List<Path> testFiles() {
        return files(deploy("prometheus", "tests"), ".test.yml");
    }

    private static String configFile(Map<String, Object> prometheus) {
        Pattern flag = Pattern.compile("--config\\.file=(.+)");
        for (Object argument : listAt(prometheus, "command")) {
            Matcher matcher = flag.matcher(String.valueOf(argument));
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return "/etc/prometheus/prometheus.yml";
    }

    /** Runs promtool, prints what it said when it fails, and returns its output. */
    static String promtoolSucceeds(String... arguments) {
        List<String> command = new ArrayList<>(List.of(promtool().toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("promtool did not finish within 60 s: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                System.out.println("$ " + String.join(" ", command) + "\n" + output);
            }
            assertThat(process.exitValue()).as("exit status of %s; promtool said:%n%s", String.join(" ", command), output)
                    .isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
