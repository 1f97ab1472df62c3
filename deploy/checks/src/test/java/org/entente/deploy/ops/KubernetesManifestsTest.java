package org.entente.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.deploy.ops.DeployFiles.SERVICES;
import static org.entente.deploy.ops.DeployFiles.deploy;
import static org.entente.deploy.ops.DeployFiles.files;
import static org.entente.deploy.ops.DeployFiles.list;
import static org.entente.deploy.ops.DeployFiles.listAt;
import static org.entente.deploy.ops.DeployFiles.map;
import static org.entente.deploy.ops.DeployFiles.mapAt;
import static org.entente.deploy.ops.DeployFiles.managementPort;
import static org.entente.deploy.ops.DeployFiles.relative;
import static org.entente.deploy.ops.DeployFiles.serverPort;
import static org.entente.deploy.ops.DeployFiles.stringAt;
import static org.entente.deploy.ops.DeployFiles.yamlDocuments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.entente.platform.kafka.TopicProperties;
import org.entente.schemas.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s read as Kubernetes and Strimzi would: every manifest file (multi-document YAML) and
 * the references between them. A KafkaTopic per catalogue topic and per dead-letter topic with
 * the catalogue's cleanup; probes on the port the container exposes; Services, disruption
 * budgets, autoscalers and network policies that reach an existing Deployment; exercise-service
 * as one instance without an autoscaler; pinned images; secrets named, never committed.
 */
class KubernetesManifestsTest {

    static final Pattern PINNED_IMAGE = Pattern.compile("[^:@\\s]+(:[0-9A-Za-z._-]+)(@sha256:[0-9a-f]{64})?");
    static final String LIVENESS = "/livez";
    static final String READINESS = "/readyz";

    record Manifest(Path file, Map<String, Object> document) {

        String kind() {
            return String.valueOf(document.get("kind"));
        }

        String name() {
            return stringAt(document, "metadata.name");
        }

        Map<String, Object> at(String dottedPath) {
            return mapAt(document, dottedPath);
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + relative(file) + ")";
        }
    }

    static List<Manifest> manifests;

    @BeforeAll
    static void readEveryManifest() {
        manifests = new ArrayList<>();
        for (Path file : manifestFiles()) {
            for (Map<String, Object> document : yamlDocuments(file)) {
                manifests.add(new Manifest(file, document));
            }
        }
        assertThat(manifests).isNotEmpty();
    }

    @Test
    void everyManifestNamesItsApiKindAndName() {
        for (Manifest manifest : manifests) {
            assertThat(stringAt(manifest.document(), "apiVersion")).as("apiVersion of %s", manifest).isNotBlank();
            assertThat(manifest.document().get("kind")).as("kind in %s", relative(manifest.file())).isNotNull();
            if (!manifest.kind().equals("Kustomization")) {
                assertThat(manifest.name()).as("name of %s", manifest).isNotBlank();
            }
        }
    }

    @Test
    void everyCatalogueTopicHasAKafkaTopicWithItsCleanupPolicyAndThreeReplicas() {
        Set<String> kafkaClusters = names("Kafka");
        for (Topics.Topic topic : Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTERS.stream()).toList()) {
            List<Manifest> matching = of("KafkaTopic").stream()
                    .filter(manifest -> topic.name().equals(topicName(manifest)))
                    .toList();
            assertThat(matching).as("KafkaTopic for %s", topic.name()).hasSize(1);
            Manifest kafkaTopic = matching.get(0);
            Map<String, Object> spec = kafkaTopic.at("spec");
            Map<String, Object> config = kafkaTopic.at("spec.config");
            int replicas = ((Number) spec.get("replicas")).intValue();
            assertThat(replicas).as("replicas of %s", kafkaTopic).isGreaterThanOrEqualTo(3);
            assertThat(((Number) spec.get("partitions")).intValue()).as("partitions of %s", kafkaTopic).isGreaterThanOrEqualTo(1);
            assertThat(config.get("cleanup.policy")).as("cleanup.policy of %s", kafkaTopic)
                    .isEqualTo(topic.compacted() ? "compact" : "delete");
            if (!topic.compacted()) {
                assertThat(String.valueOf(config.get("retention.ms"))).as("%s is retained forever", kafkaTopic).isEqualTo("-1");
            }
            int minInSync = Integer.parseInt(String.valueOf(config.get("min.insync.replicas")));
            assertThat(minInSync).as("min.insync.replicas of %s", kafkaTopic).isGreaterThanOrEqualTo(2).isLessThan(replicas);
            assertThat(mapAt(kafkaTopic.document(), "metadata.labels").get("strimzi.io/cluster"))
                    .as("cluster of %s", kafkaTopic).isIn(kafkaClusters);
        }
        Set<String> catalogue = new TreeSet<>(Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTERS.stream())
                .map(Topics.Topic::name).toList());
        catalogue.add(Topics.SCHEMAS.name());
        assertThat(of("KafkaTopic").stream().map(KubernetesManifestsTest::topicName))
                .as("KafkaTopics that are in the catalogue, its dead letters or schemas.v1").allMatch(catalogue::contains);
    }

    /**
     * schemas.v1 exists before the services start, as platform's SchemaTopicConfiguration would
     * create it: one partition, compacted, min.insync.replicas as TopicProperties computes it for
     * its replicas.
     */
    @Test
    void theSchemasTopicIsAKafkaTopicAsTheServicesCreateIt() {
        Manifest schemas = kafkaTopic(Topics.SCHEMAS.name());
        int replicas = ((Number) schemas.at("spec").get("replicas")).intValue();

        assertThat(replicas).as("replicas of %s", schemas).isGreaterThanOrEqualTo(3);
        assertThat(schemas.at("spec").get("partitions")).as("partitions of %s", schemas).isEqualTo(1);
        assertThat(schemas.at("spec.config")).as("config of %s", schemas).isEqualTo(Map.of(
                "cleanup.policy", "compact",
                "min.insync.replicas", new TopicProperties(12, (short) replicas).minInSyncReplicas()));
        assertThat(mapAt(schemas.document(), "metadata.labels").get("strimzi.io/cluster")).as("cluster of %s", schemas)
                .isIn(names("Kafka"));
    }

    /**
     * A dead-letter topic keeps the partition a record came from: it has as many partitions as its
     * topic, the same replicas and min.insync.replicas, is never compacted and is retained forever.
     */
    @Test
    void everyDeadLetterTopicMatchesItsTopicAndIsRetainedForever() {
        assertThat(Topics.DEAD_LETTERS).hasSameSizeAs(Topics.ALL);
        for (Topics.Topic topic : Topics.ALL) {
            Topics.Topic deadLetters = Topics.deadLettersOf(topic.name());
            assertThat(deadLetters.name()).isEqualTo(topic.name() + Topics.DEAD_LETTER_SUFFIX);
            assertThat(deadLetters.compacted()).as("%s is compacted", deadLetters.name()).isFalse();
            Manifest source = kafkaTopic(topic.name());
            Manifest dlq = kafkaTopic(deadLetters.name());
            Map<String, Object> config = dlq.at("spec.config");
            assertThat(config.get("cleanup.policy")).as("cleanup.policy of %s", dlq).isEqualTo("delete");
            assertThat(String.valueOf(config.get("retention.ms"))).as("%s is retained forever", dlq).isEqualTo("-1");
            for (String field : List.of("partitions", "replicas")) {
                assertThat(String.valueOf(dlq.at("spec").get(field))).as("%s of %s", field, dlq)
                        .isEqualTo(String.valueOf(source.at("spec").get(field)));
            }
            assertThat(String.valueOf(config.get("min.insync.replicas"))).as("min.insync.replicas of %s", dlq)
                    .isEqualTo(String.valueOf(source.at("spec.config").get("min.insync.replicas")));
        }
    }

    private Manifest kafkaTopic(String topicName) {
        List<Manifest> matching = of("KafkaTopic").stream().filter(manifest -> topicName.equals(topicName(manifest))).toList();
        assertThat(matching).as("KafkaTopic for %s", topicName).hasSize(1);
        return matching.get(0);
    }

    @Test
    void theKafkaClusterHasThreeBrokersInKraftNodePools() {
        assertThat(of("Kafka")).isNotEmpty();
        for (Manifest kafka : of("Kafka")) {
            int brokers = 0;
            for (Manifest pool : of("KafkaNodePool")) {
                if (kafka.name().equals(mapAt(pool.document(), "metadata.labels").get("strimzi.io/cluster"))
                        && listAt(pool.document(), "spec.roles").contains("broker")) {
                    brokers += ((Number) pool.at("spec").get("replicas")).intValue();
                }
            }
            assertThat(brokers).as("brokers of %s", kafka).isGreaterThanOrEqualTo(3);
            assertThat(kafka.at("spec")).as("%s runs in KRaft mode", kafka).doesNotContainKey("zookeeper");
            Map<String, Object> config = kafka.at("spec.kafka.config");
            assertThat(Integer.parseInt(String.valueOf(config.get("min.insync.replicas")))).isGreaterThanOrEqualTo(2);
        }
        for (Manifest pool : of("KafkaNodePool")) {
            assertThat(mapAt(pool.document(), "metadata.labels").get("strimzi.io/cluster")).as("cluster of %s", pool)
                    .isIn(names("Kafka"));
        }
    }

    @Test
    void everyServiceHasADeploymentWhoseProbesUseTheHealthGroupsOnThePortItExposes() {
        assertThat(names("Deployment")).containsAll(SERVICES);
        for (Manifest deployment : of("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                String where = deployment + ", container " + container.get("name");
                Map<String, Integer> ports = ports(container);
                assertThat(ports).as("%s exposes a port", where).isNotEmpty();
                if (SERVICES.contains(deployment.name())) {
                    assertThat(ports).as("%s exposes server.port of %s.yml", where, deployment.name())
                            .containsValue(serverPort(deployment.name()));
                }
                assertProbe(container, "livenessProbe", Set.of(LIVENESS), ports, where);
                assertProbe(container, "readinessProbe", Set.of(READINESS), ports, where);
                if (container.containsKey("startupProbe")) {
                    assertProbe(container, "startupProbe", Set.of(LIVENESS, READINESS), ports, where);
                }
            }
        }
    }

    @Test
    void everyDeploymentRunsNonRootOnAReadOnlyRootWithLimitsAndTheKafkaBootstrap() {
        Set<String> bootstraps = new TreeSet<>();
        names("Kafka").forEach(kafka -> bootstraps.add(kafka + "-kafka-bootstrap"));
        for (Manifest deployment : of("Deployment")) {
            Map<String, Object> pod = deployment.at("spec.template.spec");
            assertThat(stringAt(pod, "securityContext.runAsNonRoot")).as("%s runs as non-root", deployment).isEqualTo("true");
            for (Map<String, Object> container : containers(deployment)) {
                String where = deployment + ", container " + container.get("name");
                assertThat(stringAt(container, "securityContext.readOnlyRootFilesystem")).as("%s: read-only root", where)
                        .isEqualTo("true");
                assertThat(stringAt(container, "securityContext.allowPrivilegeEscalation")).as("%s: no escalation", where)
                        .isEqualTo("false");
                for (String kind : List.of("requests", "limits")) {
                    assertThat(mapAt(container, "resources." + kind)).as("%s: resources.%s", where, kind)
                            .containsKeys("cpu", "memory");
                }
                String tmpVolume = listAt(container, "volumeMounts").stream().map(DeployFiles::map)
                        .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                        .map(mount -> String.valueOf(mount.get("name")))
                        .findFirst().orElse(null);
                assertThat(tmpVolume).as("%s: a volume at /tmp for Kafka Streams' state", where).isNotNull();
                assertThat(listAt(pod, "volumes").stream().map(DeployFiles::map)
                        .filter(volume -> tmpVolume.equals(volume.get("name")))
                        .filter(volume -> volume.containsKey("emptyDir")))
                        .as("%s: /tmp is an emptyDir", where).hasSize(1);
                String bootstrap = env(container).get("KAFKA_BOOTSTRAP_SERVERS");
                assertThat(bootstrap).as("%s: KAFKA_BOOTSTRAP_SERVERS", where).isNotNull();
                assertThat(bootstrap.split(":")[0]).as("%s: the Strimzi bootstrap Service", where).isIn(bootstraps);
            }
        }
    }

    @Test
    void everyImageIsPinnedToATagOtherThanLatest() {
        for (Manifest deployment : of("Deployment")) {
            List<Map<String, Object>> all = new ArrayList<>(containers(deployment));
            listAt(deployment.document(), "spec.template.spec.initContainers").forEach(container -> all.add(map(container)));
            for (Map<String, Object> container : all) {
                String image = String.valueOf(container.get("image"));
                assertThat(image).as("image of %s", deployment).matches(PINNED_IMAGE).doesNotContain(":latest");
            }
        }
    }

    @Test
    void everyServiceSelectsADeploymentAndTargetsAPortItExposes() {
        assertThat(names("Service")).containsAll(SERVICES);
        for (Manifest service : of("Service")) {
            Map<String, Object> selector = service.at("spec.selector");
            Manifest deployment = onlyDeploymentSelectedBy(selector, service);
            Map<String, Integer> ports = new HashMap<>();
            containers(deployment).forEach(container -> ports.putAll(ports(container)));
            for (Object entry : listAt(service.document(), "spec.ports")) {
                Object target = Objects.requireNonNullElse(map(entry).get("targetPort"), map(entry).get("port"));
                assertThat(target instanceof Number number ? ports.containsValue(number.intValue()) : ports.containsKey(String.valueOf(target)))
                        .as("%s: targetPort %s is a port of %s (%s)", service, target, deployment, ports).isTrue();
            }
        }
    }

    @Test
    void everyDisruptionBudgetAndNetworkPolicyTargetsADeployment() {
        for (Manifest budget : of("PodDisruptionBudget")) {
            onlyDeploymentSelectedBy(budget.at("spec.selector.matchLabels"), budget);
        }
        for (Manifest policy : of("NetworkPolicy")) {
            Manifest deployment = onlyDeploymentSelectedBy(policy.at("spec.podSelector.matchLabels"), policy);
            Map<String, Integer> ports = new HashMap<>();
            containers(deployment).forEach(container -> ports.putAll(ports(container)));
            for (Object rule : listAt(policy.document(), "spec.ingress")) {
                for (Object port : listAt(map(rule), "ports")) {
                    Object number = map(port).get("port");
                    assertThat(number instanceof Number n ? ports.containsValue(n.intValue()) : ports.containsKey(String.valueOf(number)))
                            .as("%s admits port %s of %s", policy, number, deployment).isTrue();
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        of("PodDisruptionBudget").forEach(m -> covered.add("pdb " + onlyDeploymentSelectedBy(m.at("spec.selector.matchLabels"), m).name()));
        of("NetworkPolicy").forEach(m -> covered.add("netpol " + onlyDeploymentSelectedBy(m.at("spec.podSelector.matchLabels"), m).name()));
        for (String service : SERVICES) {
            assertThat(covered).as("%s has a disruption budget and a network policy", service)
                    .contains("pdb " + service, "netpol " + service);
        }
    }

    /**
     * Metrics (and health details) are on the management port of each service's yml, which the
     * scrape annotations name; the NetworkPolicy admits it from Prometheus's pods only, and the
     * rule that admits everyone names the API port alone.
     */
    @Test
    void metricsAreOnTheManagementPortAndOnlyPrometheusMayReachIt() {
        for (String service : SERVICES) {
            Manifest deployment = of("Deployment").stream().filter(candidate -> candidate.name().equals(service))
                    .findFirst().orElseThrow();
            int management = managementPort(service);
            assertThat(management).as("management port of %s", service).isNotEqualTo(serverPort(service));
            Map<String, Integer> ports = new HashMap<>();
            containers(deployment).forEach(container -> ports.putAll(ports(container)));
            assertThat(ports).as("ports of %s", deployment).containsEntry("management", management);
            assertThat(mapAt(deployment.document(), "spec.template.metadata.annotations").get("prometheus.io/port"))
                    .as("scrape port of %s", deployment).isEqualTo(String.valueOf(management));
            Manifest policy = of("NetworkPolicy").stream()
                    .filter(candidate -> onlyDeploymentSelectedBy(candidate.at("spec.podSelector.matchLabels"), candidate).name()
                            .equals(service))
                    .findFirst().orElseThrow();
            for (Object rule : listAt(policy.document(), "spec.ingress")) {
                List<Object> admitted = listAt(map(rule), "ports").stream().map(port -> map(port).get("port")).toList();
                if (admitted.contains(management)) {
                    assertThat(admitted).as("%s: the management port has a rule of its own", policy).containsExactly(management);
                    List<Object> from = listAt(map(rule), "from");
                    assertThat(from).as("%s: the management port is reachable from Prometheus only", policy).hasSize(1);
                    assertThat(mapAt(map(from.get(0)), "namespaceSelector.matchLabels")).as("%s: Prometheus's namespace", policy)
                            .containsEntry("kubernetes.io/metadata.name", "monitoring");
                    assertThat(mapAt(map(from.get(0)), "podSelector.matchLabels")).as("%s: Prometheus's pods", policy)
                            .containsEntry("app.kubernetes.io/name", "prometheus");
                } else {
                    assertThat(admitted).as("%s: a rule open to callers admits the API port only", policy)
                            .containsExactly(serverPort(service));
                }
            }
        }
    }

    /**
     * Every service runs as one instance until they answer queries across instances and exercises
     * survive a restart (issue 14): one replica, replaced by Recreate so that two never run at
     * once, and no autoscaler to change that.
     */
    @Test
    void everyServiceRunsExactlyOneReplicaRecreatedWithoutAnAutoscaler() {
        assertThat(of("HorizontalPodAutoscaler")).as("autoscalers").isEmpty();
        for (String service : SERVICES) {
            Manifest deployment = of("Deployment").stream().filter(candidate -> candidate.name().equals(service))
                    .findFirst().orElseThrow();
            assertThat(stringAt(deployment.document(), "spec.replicas")).as("replicas of %s", deployment).isEqualTo("1");
            assertThat(stringAt(deployment.document(), "spec.strategy.type")).as("strategy of %s", deployment).isEqualTo("Recreate");
        }
    }

    @Test
    void networkPoliciesLetServicesReachOnlyKafkaAndDns() {
        for (Manifest policy : of("NetworkPolicy")) {
            assertThat(listAt(policy.document(), "spec.policyTypes")).as("%s restricts both ways", policy)
                    .contains("Ingress", "Egress");
            List<Object> egress = listAt(policy.document(), "spec.egress");
            assertThat(egress).as("egress of %s", policy).isNotEmpty();
            for (Object rule : egress) {
                List<Object> ports = listAt(map(rule), "ports");
                assertThat(ports).as("%s: every egress rule names its ports", policy).isNotEmpty();
                for (Object port : ports) {
                    assertThat(map(port).get("port")).as("%s: egress to Kafka (9093) or DNS (53) only", policy).isIn(9093, 53);
                }
                assertThat(listAt(map(rule), "to")).as("%s: every egress rule names its peers", policy).isNotEmpty();
            }
        }
    }

    @Test
    void secretsAreReferencedByNameAndNoneIsCommitted() {
        for (Manifest secret : of("Secret")) {
            boolean example = secret.file().getFileName().toString().contains("example");
            if (!example) {
                assertThat(secret.document()).as("%s carries no data outside an example file", secret)
                        .doesNotContainKeys("data", "stringData");
            } else {
                mapAt(secret.document(), "stringData").forEach((key, value) -> assertThat(String.valueOf(value))
                        .as("%s: %s is a placeholder", secret, key).contains("<").contains(">"));
                assertThat(secret.document()).as("%s: placeholders only in stringData", secret).doesNotContainKey("data");
            }
        }
        Set<String> clusterCas = clusterCas();
        for (Manifest deployment : of("Deployment")) {
            for (String secret : secretsReferencedBy(deployment)) {
                assertThat(clusterCas.contains(secret) || secret.equals(deployment.name()) || secret.startsWith(deployment.name() + "-"))
                        .as("%s reads the Secret %s: its own (named after it) or the cluster CA", deployment, secret).isTrue();
            }
        }
    }

    @Test
    void everyKafkaCredentialSecretIsTheOneStrimziCreatesForAKafkaUser() {
        // Strimzi's User Operator names the Secret of a KafkaUser after the user.
        Set<String> users = names("KafkaUser");
        if (users.isEmpty()) {
            return; // the users are managed outside this directory (secrets.example.yaml)
        }
        for (Manifest deployment : of("Deployment")) {
            for (String secret : kafkaCredentialSecretsReferencedBy(deployment)) {
                assertThat(users).as("%s reads the Secret %s: a KafkaUser of that name must exist (KafkaUsers: %s)",
                        deployment, secret, users).contains(secret);
            }
        }
    }

    /**
     * A Secret that neither Strimzi operator creates (not a Kafka user's, not the cluster CA) is
     * the operator's to create: secrets.example.yaml shows it, with a placeholder for every key a
     * Deployment reads without {@code optional: true}.
     */
    @Test
    void everySecretNoOperatorCreatesIsInTheExampleWithEveryKeyADeploymentNeeds() {
        Set<String> created = union(names("KafkaUser"), clusterCas());
        Map<String, Set<String>> examples = new HashMap<>();
        of("Secret").stream().filter(secret -> secret.file().getFileName().toString().contains("example"))
                .forEach(secret -> examples.put(secret.name(), mapAt(secret.document(), "stringData").keySet()));
        for (Manifest deployment : of("Deployment")) {
            for (String secret : secretsReferencedBy(deployment)) {
                if (!created.contains(secret)) {
                    assertThat(examples).as("%s reads the Secret %s, which no operator creates: it is in secrets.example.yaml",
                            deployment, secret).containsKey(secret);
                }
            }
            for (Map<String, Object> container : containers(deployment)) {
                for (Object variable : list(container.get("env"))) {
                    Map<String, Object> reference = mapAt(map(variable), "valueFrom.secretKeyRef");
                    if (examples.containsKey(reference.get("name")) && !created.contains(reference.get("name"))
                            && !"true".equals(String.valueOf(reference.get("optional")))) {
                        assertThat(examples.get(reference.get("name"))).as("%s: keys of the example Secret %s", deployment,
                                reference.get("name")).contains(String.valueOf(reference.get("key")));
                    }
                }
            }
        }
    }

    /**
     * notification-service's alert signing key (entente.alerts.signing-key, which it does not
     * start without) comes from a Secret, never from a value in a manifest or a ConfigMap.
     */
    @Test
    void notificationServiceReadsItsAlertSigningKeyFromASecret() {
        Manifest deployment = of("Deployment").stream().filter(candidate -> candidate.name().equals("notification-service"))
                .findFirst().orElseThrow();
        Map<String, Object> container = containers(deployment).get(0);
        Map<String, Object> signingKey = list(container.get("env")).stream().map(DeployFiles::map)
                .filter(variable -> "ENTENTE_ALERTS_SIGNINGKEY".equals(variable.get("name"))).findFirst().orElse(Map.of());

        assertThat(signingKey).as("ENTENTE_ALERTS_SIGNINGKEY of %s", deployment).doesNotContainKey("value");
        assertThat(mapAt(signingKey, "valueFrom.secretKeyRef")).as("ENTENTE_ALERTS_SIGNINGKEY of %s", deployment)
                .containsEntry("name", "notification-service-alert-signing")
                .containsEntry("key", "signing-key")
                .doesNotContainKey("optional");
        assertThat(of("ConfigMap")).as("ConfigMaps").noneMatch(configMap -> mapAt(configMap.document(), "data").keySet().stream()
                .anyMatch(key -> key.startsWith("ENTENTE_ALERTS_")));
    }

    @Test
    void kustomizationAppliesEveryManifestButTheExamples() {
        Path kustomization = deploy("k8s", "kustomization.yaml");
        List<Object> resources = listAt(yamlDocuments(kustomization).get(0), "resources");
        Set<String> expected = new TreeSet<>();
        manifestFiles().stream()
                .map(file -> file.getFileName().toString())
                .filter(name -> !name.contains("example") && !name.equals("kustomization.yaml"))
                .forEach(expected::add);
        assertThat(new TreeSet<>(resources.stream().map(String::valueOf).toList())).isEqualTo(expected);
    }

    static List<Path> manifestFiles() {
        return files(deploy("k8s"), ".yaml", ".yml");
    }

    static List<Manifest> of(String kind) {
        return manifests.stream().filter(manifest -> manifest.kind().equals(kind)).toList();
    }

    static Set<String> names(String kind) {
        return new TreeSet<>(of(kind).stream().map(Manifest::name).toList());
    }

    static String topicName(Manifest kafkaTopic) {
        return Objects.requireNonNullElse(stringAt(kafkaTopic.document(), "spec.topicName"), kafkaTopic.name());
    }

    static List<Map<String, Object>> containers(Manifest deployment) {
        return listAt(deployment.document(), "spec.template.spec.containers").stream().map(DeployFiles::map).toList();
    }

    /** A container's ports: name (or the number as text, when unnamed) → number. */
    static Map<String, Integer> ports(Map<String, Object> container) {
        Map<String, Integer> ports = new HashMap<>();
        for (Object port : list(container.get("ports"))) {
            int number = ((Number) map(port).get("containerPort")).intValue();
            ports.put(Objects.requireNonNullElse((String) map(port).get("name"), String.valueOf(number)), number);
        }
        return ports;
    }

    static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new HashMap<>();
        for (Object variable : list(container.get("env"))) {
            env.put(String.valueOf(map(variable).get("name")), stringAt(map(variable), "value"));
        }
        return env;
    }

    static Set<String> clusterCas() {
        Set<String> clusterCas = new TreeSet<>();
        names("Kafka").forEach(kafka -> clusterCas.add(kafka + "-cluster-ca-cert"));
        return clusterCas;
    }

    /** The Secrets a Deployment's containers take their Kafka credentials from (KAFKA_SASL_*). */
    static Set<String> kafkaCredentialSecretsReferencedBy(Manifest deployment) {
        Set<String> secrets = new TreeSet<>();
        for (Map<String, Object> container : containers(deployment)) {
            for (Object variable : list(container.get("env"))) {
                String name = stringAt(map(variable), "valueFrom.secretKeyRef.name");
                if (name != null && String.valueOf(map(variable).get("name")).startsWith("KAFKA_SASL_")) {
                    secrets.add(name);
                }
            }
        }
        return secrets;
    }

    static Set<String> secretsReferencedBy(Manifest deployment) {
        Set<String> secrets = new TreeSet<>();
        Map<String, Object> pod = deployment.at("spec.template.spec");
        for (Object volume : listAt(pod, "volumes")) {
            String name = stringAt(map(volume), "secret.secretName");
            if (name != null) {
                secrets.add(name);
            }
        }
        for (Map<String, Object> container : containers(deployment)) {
            for (Object variable : list(container.get("env"))) {
                String name = stringAt(map(variable), "valueFrom.secretKeyRef.name");
                if (name != null) {
                    secrets.add(name);
                }
            }
            for (Object source : list(container.get("envFrom"))) {
                String name = stringAt(map(source), "secretRef.name");
                if (name != null) {
                    secrets.add(name);
                }
            }
        }
        return secrets;
    }

    private static Manifest onlyDeploymentSelectedBy(Map<String, Object> selector, Manifest by) {
        assertThat(selector).as("selector of %s", by).isNotEmpty();
        List<Manifest> selected = of("Deployment").stream()
                .filter(deployment -> deployment.at("spec.template.metadata.labels").entrySet().containsAll(selector.entrySet()))
                .toList();
        assertThat(selected).as("Deployments selected by %s (%s)", by, selector).hasSize(1);
        Manifest deployment = selected.get(0);
        assertThat(deployment.at("spec.selector.matchLabels").entrySet()).as("%s selects within %s's own selector", by, deployment)
                .isSubsetOf(deployment.at("spec.template.metadata.labels").entrySet());
        return deployment;
    }

    private static void assertProbe(Map<String, Object> container, String probe, Set<String> paths, Map<String, Integer> ports,
            String where) {
        Map<String, Object> httpGet = mapAt(container, probe + ".httpGet");
        assertThat(httpGet).as("%s: %s is an HTTP GET", where, probe).isNotEmpty();
        assertThat(httpGet.get("path")).as("%s: %s path", where, probe).isIn(paths);
        Object port = httpGet.get("port");
        assertThat(port instanceof Number number ? ports.containsValue(number.intValue()) : ports.containsKey(String.valueOf(port)))
                .as("%s: %s port %s is a port the container exposes (%s)", where, probe, port, ports).isTrue();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }
}
