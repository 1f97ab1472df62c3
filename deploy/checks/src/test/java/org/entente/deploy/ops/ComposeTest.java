package org.entente.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.deploy.ops.DeployFiles.SERVICES;
import static org.entente.deploy.ops.DeployFiles.deploy;
import static org.entente.deploy.ops.DeployFiles.list;
import static org.entente.deploy.ops.DeployFiles.listAt;
import static org.entente.deploy.ops.DeployFiles.managementPort;
import static org.entente.deploy.ops.DeployFiles.map;
import static org.entente.deploy.ops.DeployFiles.mapAt;
import static org.entente.deploy.ops.DeployFiles.read;
import static org.entente.deploy.ops.DeployFiles.relative;
import static org.entente.deploy.ops.DeployFiles.root;
import static org.entente.deploy.ops.DeployFiles.serverPort;
import static org.entente.deploy.ops.DeployFiles.stringAt;
import static org.entente.deploy.ops.DeployFiles.yamlFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/compose.yaml and deploy/Dockerfile, read without a Docker engine: pinned images,
 * a health check and a memory limit on every service, start order on health, ports that match the
 * services' configuration, mounted paths that exist, and a Dockerfile that builds each service
 * from its executable jar into a non-root image.
 */
class ComposeTest {

    static final Pattern PINNED_IMAGE = Pattern.compile("[^:@\\s]+:[0-9A-Za-z._-]+(@sha256:[0-9a-f]{64})?");
    static final Pattern PORT_MAPPING = Pattern.compile("127\\.0\\.0\\.1:(\\d+):(\\d+)");

    static Path composeFile;
    static Map<String, Object> compose;
    static Map<String, Object> services;

    @BeforeAll
    static void readCompose() {
        composeFile = deploy("compose", "compose.yaml");
        compose = yamlFile(composeFile);
        services = mapAt(compose, "services");
        assertThat(services).isNotEmpty();
    }

    @Test
    void everyServiceHasAPinnedImageAHealthCheckAndAMemoryLimit() {
        services.forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            String image = stringAt(service, "image");
            assertThat(image).as("image of %s", name).isNotNull().matches(PINNED_IMAGE).doesNotContain(":latest");
            List<Object> test = listAt(service, "healthcheck.test");
            assertThat(test).as("health check of %s", name).isNotEmpty().doesNotContain("NONE");
            assertThat(stringAt(service, "healthcheck.disable")).as("health check of %s", name).isNotEqualTo("true");
            String memory = stringAt(service, "deploy.resources.limits.memory");
            assertThat(memory != null ? memory : stringAt(service, "mem_limit")).as("memory limit of %s", name)
                    .isNotNull().matches("\\d+[kmgKMG]i?[bB]?");
        });
    }

    @Test
    void theBrokerIsKafka412InKraftMode() {
        Map<String, Object> kafka = map(services.get("kafka"));
        assertThat(kafka.get("image")).isEqualTo("apache/kafka:4.1.2");
        Map<String, Object> environment = mapAt(kafka, "environment");
        assertThat(String.valueOf(environment.get("KAFKA_PROCESS_ROLES"))).contains("broker", "controller");
        assertThat(String.valueOf(environment.get("CLUSTER_ID"))).as("a KRaft cluster id: 16 bytes, base64url")
                .matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void eachEntenteServiceIsBuiltFromTheDockerfileAndPublishesItsConfiguredPort() {
        assertThat(services.keySet()).containsAll(SERVICES);
        for (String name : SERVICES) {
            Map<String, Object> service = map(services.get(name));
            Path context = deploy("compose").resolve(stringAt(service, "build.context")).normalize();
            assertThat(context).as("build context of %s is the repository root", name).isEqualTo(DeployFiles.ROOT);
            assertThat(context.resolve(stringAt(service, "build.dockerfile"))).as("Dockerfile of %s", name)
                    .isEqualTo(deploy("Dockerfile")).isRegularFile();
            assertThat(stringAt(service, "build.args.SERVICE")).as("SERVICE build argument of %s", name).isEqualTo(name);
            assertThat(stringAt(service, "image")).as("image of %s", name).startsWith("ghcr.io/entente/" + name + ":");

            int port = serverPort(name);
            assertThat(listAt(service, "ports")).as("ports of %s (server.port %s)", name, port)
                    .containsExactly("127.0.0.1:" + port + ":" + port);
            assertThat(stringAt(service, "environment.SERVER_PORT")).as("SERVER_PORT of %s", name).isEqualTo(String.valueOf(port));
            assertThat(String.join(" ", listAt(service, "healthcheck.test").stream().map(String::valueOf).toList()))
                    .as("health check of %s asks readiness", name).contains("/readyz");
            assertThat(stringAt(service, "environment.ENTENTE_LISTEN")).as("%s listens inside its container", name)
                    .isEqualTo("0.0.0.0");
            assertThat(stringAt(service, "environment.ENTENTE_MANAGEMENT_LISTEN"))
                    .as("%s's management port is open to the compose network, where Prometheus is", name).isEqualTo("0.0.0.0");
        }
    }

    @Test
    void eachEntenteServiceWaitsForAHealthyBrokerAndUsesItsInternalListener() {
        String advertised = stringAt(map(services.get("kafka")), "environment.KAFKA_ADVERTISED_LISTENERS");
        Matcher internal = Pattern.compile("PLAINTEXT://([^,:]+):(\\d+)").matcher(advertised);
        assertThat(internal.find()).as("the broker's internal listener in %s", advertised).isTrue();
        assertThat(internal.group(1)).as("the internal listener is advertised under the service's name").isEqualTo("kafka");
        for (String name : SERVICES) {
            Map<String, Object> service = map(services.get(name));
            assertThat(stringAt(service, "depends_on.kafka.condition")).as("%s waits for the broker", name).isEqualTo("service_healthy");
            assertThat(stringAt(service, "environment.KAFKA_BOOTSTRAP_SERVERS")).as("KAFKA_BOOTSTRAP_SERVERS of %s", name)
                    .isEqualTo(internal.group(1) + ":" + internal.group(2));
        }
    }

    @Test
    void everyDependencyWaitsForAHealthCheckOfAServiceThatHasOne() {
        services.forEach((name, definition) -> {
            Object dependsOn = map(definition).get("depends_on");
            assertThat(dependsOn).as("depends_on of %s names conditions, not a bare list", name)
                    .satisfiesAnyOf(value -> assertThat(value).isNull(), value -> assertThat(value).isInstanceOf(Map.class));
            map(dependsOn).forEach((dependency, condition) -> {
                assertThat(services).as("%s depends on %s", name, dependency).containsKey(dependency);
                assertThat(stringAt(map(condition), "condition")).as("%s waits for %s", name, dependency).isEqualTo("service_healthy");
                assertThat(listAt(map(services.get(dependency)), "healthcheck.test")).as("health check of %s", dependency).isNotEmpty();
            });
        });
        assertThat(stringAt(map(services.get("grafana")), "depends_on.prometheus.condition")).isEqualTo("service_healthy");
    }

    /**
     * exercise-service creates no topic (its Kafka user may not): it starts once notification-service,
     * which provisions the catalogue and whose consumer groups a replay waits on, is healthy.
     */
    @Test
    void exerciseServiceWaitsForTheServiceThatProvisionsTheTopics() {
        assertThat(stringAt(map(services.get("exercise-service")), "depends_on.notification-service.condition"))
                .isEqualTo("service_healthy");
    }

    @Test
    void everyMountedPathExistsInTheRepositoryAndEveryNamedVolumeIsDeclared() {
        Set<String> declared = mapAt(compose, "volumes").keySet();
        services.forEach((name, definition) -> {
            for (Object volume : listAt(map(definition), "volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(declared).as("named volume %s of %s", source, name).contains(source);
                    continue;
                }
                Path path = deploy("compose").resolve(source).normalize();
                // Path.startsWith compares names; AssertJ's would resolve a path that may not exist yet.
                assertThat(path.startsWith(DeployFiles.ROOT)).as("%s mounts a path in the repository", name).isTrue();
                if (relative(path).startsWith(".entente/")) {
                    // The local run's state (git-ignored), made by deploy/local/token.sh or run.sh.
                    continue;
                }
                assertThat(path).as("%s mounts %s", name, relative(path)).exists();
            }
        });
    }

    @Test
    void prometheusScrapesEveryServiceWhereComposeRunsIt() {
        Map<String, Object> prometheus = map(services.get("prometheus"));
        Path config = null;
        for (Object volume : listAt(prometheus, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts[1].equals("/etc/prometheus/prometheus.yml")) {
                config = deploy("compose").resolve(parts[0]).normalize();
            }
        }
        assertThat(config).as("compose mounts a Prometheus configuration").isNotNull().isRegularFile();
        Set<String> targets = new TreeSet<>();
        Set<String> jobs = new TreeSet<>();
        for (Object job : listAt(yamlFile(config), "scrape_configs")) {
            jobs.add(stringAt(map(job), "job_name"));
            assertThat(stringAt(map(job), "metrics_path")).isEqualTo("/actuator/prometheus");
            for (Object staticConfig : listAt(map(job), "static_configs")) {
                list(map(staticConfig).get("targets")).forEach(target -> targets.add(String.valueOf(target)));
            }
        }
        List<String> expected = new ArrayList<>();
        for (String name : SERVICES) {
            expected.add(name + ":" + managementPort(name));
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jobs).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void theLocalRunsPrometheusScrapesEveryServicesManagementPortOnLoopback() {
        Set<String> targets = new TreeSet<>();
        for (Object job : listAt(yamlFile(deploy("prometheus", "prometheus.yml")), "scrape_configs")) {
            assertThat(stringAt(map(job), "job_name")).isIn(SERVICES);
            for (Object staticConfig : listAt(map(job), "static_configs")) {
                list(map(staticConfig).get("targets")).forEach(target -> targets.add(String.valueOf(target)));
            }
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(name -> "127.0.0.1:" + managementPort(name)).toList());
    }

    @Test
    void theDockerfileBuildsAServiceChosenByABuildArgumentFromItsJarIntoANonRootImage() {
        String dockerfile = read(deploy("Dockerfile"));
        Matcher jre = Pattern.compile("(?m)^ARG JRE_IMAGE=(\\S+)$").matcher(dockerfile);
        assertThat(jre.find()).as("the JRE image is an ARG with a default").isTrue();
        assertThat(jre.group(1)).matches("eclipse-temurin:17\\.[0-9._]+-jre(-[a-z]+)?").doesNotContain("latest");
        assertThat(Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile).results().map(match -> match.group(1)))
                .as("every stage starts from the pinned JRE").allMatch(from -> from.equals("${JRE_IMAGE}"));
        assertThat(dockerfile).contains("ARG SERVICE")
                .contains("COPY ${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar");
        Matcher version = Pattern.compile("(?m)^ARG VERSION=(\\S+)$").matcher(dockerfile);
        assertThat(version.find()).isTrue();
        assertThat(read(root("pom.xml"))).as("the jar version the Dockerfile copies is the build's")
                .contains("<version>" + version.group(1) + "</version>");
        List<String> users = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile).results().map(match -> match.group(1)).toList();
        assertThat(users).as("the image runs as an unprivileged user").isNotEmpty();
        assertThat(users.get(users.size() - 1)).matches("[1-9][0-9]{3,}(:[1-9][0-9]{3,})?");

        List<String> ignore = read(deploy("Dockerfile.dockerignore")).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        for (String service : SERVICES) {
            assertThat(ignore).as("the build context keeps %s's jar", service)
                    .contains("!" + service + "/target/" + service + "-*-exec.jar");
        }
    }
}
