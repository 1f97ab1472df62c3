package org.entente.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.deploy.ops.DeployFiles.deploy;
import static org.entente.deploy.ops.DeployFiles.files;
import static org.entente.deploy.ops.DeployFiles.listAt;
import static org.entente.deploy.ops.DeployFiles.map;
import static org.entente.deploy.ops.DeployFiles.mapAt;
import static org.entente.deploy.ops.DeployFiles.read;
import static org.entente.deploy.ops.DeployFiles.relative;
import static org.entente.deploy.ops.DeployFiles.stringAt;
import static org.entente.deploy.ops.DeployFiles.yamlFile;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/grafana: every dashboard parses and names the provisioned data source by its uid, its
 * panels have unique ids and titles, every query has an expression that promtool parses; the
 * provisioning files provide that data source and load the dashboards from where compose mounts
 * them.
 */
class DashboardsTest {

    static final String DATASOURCE_UID = "prometheus";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyDashboardParsesAndHasAUniqueUidAndTitle() {
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        assertThat(dashboardFiles()).as("dashboards in deploy/grafana/dashboards").hasSizeGreaterThanOrEqualTo(3);
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = JSON.readTree(read(file));
            assertThat(uids.add(dashboard.path("uid").asString(""))).as("unique uid of %s", relative(file)).isTrue();
            assertThat(titles.add(dashboard.path("title").asString(""))).as("unique title of %s", relative(file)).isTrue();
            assertThat(dashboard.path("uid").asString("")).as("uid of %s", relative(file)).matches("[a-z0-9-]{1,40}");
            assertThat(dashboard.path("panels").isArray()).as("panels of %s", relative(file)).isTrue();
        }
        assertThat(titles).contains("Entente — pipeline health", "Entente — partner commitments", "Entente — exercises");
    }

    @Test
    void everyPanelAndQueryUsesTheProvisionedDataSource() {
        for (Path file : dashboardFiles()) {
            String text = read(file);
            assertThat(text).as("%s needs no data source input on import", relative(file)).doesNotContain("${DS_", "__inputs");
            JsonNode dashboard = JSON.readTree(text);
            for (JsonNode panel : panels(dashboard)) {
                if (panel.path("type").asString("").equals("row")) {
                    continue;
                }
                String where = relative(file) + ", panel \"" + panel.path("title").asString("") + "\"";
                assertDataSource(panel.path("datasource"), where);
                assertThat(panel.path("targets").isArray() && !panel.path("targets").isEmpty()).as("%s has queries", where)
                        .isTrue();
                for (JsonNode target : panel.path("targets")) {
                    if (target.has("datasource")) {
                        assertDataSource(target.path("datasource"), where + ", query " + target.path("refId").asString(""));
                    }
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (variable.path("type").asString("").equals("query")) {
                    assertDataSource(variable.path("datasource"), relative(file) + ", variable " + variable.path("name").asString(""));
                }
            }
        }
    }

    @Test
    void panelIdsAndTitlesAreUniqueAndEveryQueryHasAnExpression() {
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = JSON.readTree(read(file));
            Set<Integer> ids = new HashSet<>();
            Set<String> titles = new HashSet<>();
            for (JsonNode panel : panels(dashboard)) {
                String title = panel.path("title").asString("");
                String where = relative(file) + ", panel \"" + title + "\"";
                assertThat(panel.path("id").isInt()).as("%s has a numeric id", where).isTrue();
                assertThat(ids.add(panel.path("id").asInt())).as("%s: id %s is unique", where, panel.path("id")).isTrue();
                assertThat(title).as("%s has a title", where).isNotBlank();
                assertThat(titles.add(title)).as("%s: title is unique", where).isTrue();
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asString("")).as("%s, query %s: expr", where, target.path("refId")).isNotBlank();
                    assertThat(refIds.add(target.path("refId").asString(""))).as("%s: refId %s is unique", where,
                            target.path("refId")).isTrue();
                }
            }
        }
    }

    /**
     * Every panel's PromQL parses: promtool checks them as recording rules, with Grafana's range
     * variables replaced by durations and any other variable (used in regular-expression
     * matchers, such as {@code $state}) by {@code .*}. Without promtool, as PrometheusRulesTest.
     */
    @Test
    void everyQueryIsPromQlThatPromtoolParses(@TempDir Path directory) throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            for (JsonNode panel : panels(JSON.readTree(read(file)))) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asString("")
                            .replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$__range", "1h")
                            .replaceAll("\\$\\{?\\w+}?", ".*");
                    Map<String, Object> rule = new LinkedHashMap<>();
                    rule.put("record", "dashboard:query_" + rules.size());
                    rule.put("expr", expr);
                    rule.put("labels", Map.of("panel", relative(file) + " \"" + panel.path("title").asString("") + "\" "
                            + target.path("refId").asString("")));
                    rules.add(rule);
                }
            }
        }
        assertThat(rules).isNotEmpty();
        Path file = directory.resolve("dashboards.rules.yml");
        Files.writeString(file, new Yaml().dump(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));

        String output = PrometheusRulesTest.promtoolSucceeds("check", "rules", file.toString());

        assertThat(output).contains("SUCCESS: " + rules.size() + " rules found");
    }

    @Test
    void theDataSourceIsProvisionedWithThatUidAndPointsAtComposesPrometheus() {
        List<Map<String, Object>> datasources = new ArrayList<>();
        for (Path file : files(deploy("grafana", "provisioning", "datasources"), ".yml", ".yaml")) {
            Map<String, Object> provisioning = yamlFile(file);
            assertThat(provisioning.get("apiVersion")).as("apiVersion of %s", relative(file)).isEqualTo(1);
            listAt(provisioning, "datasources").forEach(datasource -> datasources.add(map(datasource)));
        }
        assertThat(datasources).filteredOn(datasource -> DATASOURCE_UID.equals(datasource.get("uid")))
                .singleElement()
                .satisfies(prometheus -> {
                    assertThat(prometheus.get("type")).isEqualTo("prometheus");
                    assertThat(prometheus.get("isDefault")).isEqualTo(true);
                    URI url = URI.create(String.valueOf(prometheus.get("url")));
                    Map<String, Object> services = mapAt(compose(), "services");
                    assertThat(services).as("compose service behind %s", url).containsKey(url.getHost());
                    assertThat(listAt(map(services.get(url.getHost())), "command"))
                            .as("Prometheus listens on the data source's port").contains("--web.listen-address=:" + url.getPort());
                });
        assertThat(datasources).filteredOn(datasource -> Boolean.TRUE.equals(datasource.get("isDefault"))).hasSize(1);
    }

    @Test
    void theDashboardProviderReadsTheFolderComposeMountsTheDashboardsAt() {
        Map<String, String> grafanaMounts = mounts("grafana");
        assertThat(grafanaMounts).as("compose mounts deploy/grafana/provisioning where Grafana reads provisioning")
                .containsEntry("/etc/grafana/provisioning", "deploy/grafana/provisioning");
        List<Object> providers = new ArrayList<>();
        for (Path file : files(deploy("grafana", "provisioning", "dashboards"), ".yml", ".yaml")) {
            Map<String, Object> provisioning = yamlFile(file);
            assertThat(provisioning.get("apiVersion")).as("apiVersion of %s", relative(file)).isEqualTo(1);
            providers.addAll(listAt(provisioning, "providers"));
        }
        assertThat(providers).isNotEmpty();
        for (Object provider : providers) {
            String path = stringAt(map(provider), "options.path");
            assertThat(stringAt(map(provider), "type")).isEqualTo("file");
            assertThat(grafanaMounts).as("the provider's folder %s is where compose mounts deploy/grafana/dashboards", path)
                    .containsEntry(path, "deploy/grafana/dashboards");
        }
    }

    /** Every panel, those nested in collapsed rows too. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            for (JsonNode nested : panel.path("panels")) {
                panels.add(nested);
            }
        }
        return panels;
    }

    static List<Path> dashboardFiles() {
        return files(deploy("grafana", "dashboards"), ".json");
    }

    private static void assertDataSource(JsonNode datasource, String where) {
        assertThat(datasource.path("uid").asString("")).as("%s: data source uid", where).isEqualTo(DATASOURCE_UID);
        assertThat(datasource.path("type").asString("")).as("%s: data source type", where).isEqualTo("prometheus");
    }

    private static Map<String, Object> compose() {
        return yamlFile(deploy("compose", "compose.yaml"));
    }

    /** A compose service's bind mounts: container path → repository path. */
    private static Map<String, String> mounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object volume : listAt(mapAt(compose(), "services." + service), "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts[0].startsWith(".")) {
                mounts.put(parts[1], relative(deploy("compose").resolve(parts[0])));
            }
        }
        return mounts;
    }
}
