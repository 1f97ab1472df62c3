package org.entente.deploy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.entente.events.EventMetadata;
import org.entente.events.ExerciseClock;
import org.entente.platform.deadletter.DeadLetterReplay;
import org.entente.platform.schemas.KafkaSchemaStore;
import org.entente.platform.schemas.PublishedSchemas;
import org.entente.schemas.EventCodec;
import org.entente.schemas.ExerciseKeys;
import org.entente.schemas.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.yaml.snakeyaml.Yaml;

/**
 * The ACLs of deploy/k8s/kafka-users.yaml, applied as they are to a broker that authenticates with
 * SASL/SCRAM-SHA-512 and authorizes with {@code StandardAuthorizer} (nothing allowed without an
 * ACL), hold what DESIGN.md §6 promises: each service writes only its own topics and reads only
 * what it consumes, writes the dead-letter topics of what it consumes, provisions the catalogue
 * and the dead-letter topics at start, and runs its Kafka Streams applications with
 * exactly_once_v2; exercise-service, the client that replays exercise scenarios, writes the
 * exercise topics only (what a replay injects, answers and brings as reference data) and no live
 * topic, reads without a consumer group and sees how far notification-service has consumed; every one of them publishes and reads the writer schemas
 * on {@code schemas.v1}; the operators' dead-letter replay reads dead letters and puts them back.
 * Every client is configured the way platform's entente-kafka-security.yml configures a service,
 * from the environment variables a deployment sets.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaAclTest {

    static final String INCIDENT = "incident-service";
    static final String NOTIFICATION = "notification-service";
    static final String TRUST = "trust-service";
    static final String EXERCISE = "exercise-service";
    /** The operators' command that puts dead letters back on their topics (platform's ReplayDeadLetters). */
    static final String REPLAY = "dead-letter-replay";
    /** The services: each provisions the catalogue and runs Kafka Streams applications. */
    static final List<String> SERVICES = List.of(INCIDENT, NOTIFICATION, TRUST);
    /** Every Kafka user: the services, exercise-service (a client of theirs) and the dead-letter replay. */
    static final List<String> USERS = List.of(INCIDENT, NOTIFICATION, TRUST, EXERCISE, REPLAY);

    static final String INCIDENTS = Topics.INCIDENTS.name();
    static final String STATES = Topics.STATES.name();
    static final String CONTACTS = Topics.CONTACTS.name();
    static final String AGREEMENTS = Topics.AGREEMENTS.name();
    static final String ALERTS = Topics.ALERTS.name();
    static final String OUTCOMES = Topics.COMMITMENT_OUTCOMES.name();
    static final String DISCLOSURES = Topics.DISCLOSURES.name();
    static final String CLOCKS = Topics.EXERCISE_CLOCKS.name();
    static final String CHECKS = Topics.COMMUNICATION_CHECKS.name();
    static final String EXERCISE_INCIDENTS = Topics.EXERCISE_INCIDENTS.name();
    static final String EXERCISE_ANSWERS = Topics.EXERCISE_ANSWERS.name();
    static final String EXERCISE_STATES = Topics.EXERCISE_STATES.name();
    static final String EXERCISE_CONTACTS = Topics.EXERCISE_CONTACTS.name();
    static final String EXERCISE_AGREEMENTS = Topics.EXERCISE_AGREEMENTS.name();
    static final String SCHEMAS = Topics.SCHEMAS.name();

    /**
     * Who publishes what, from the code (DESIGN.md §3 and the service canvases); the dead-letter
     * replay writes a record back to whichever topic it came from.
     */
    static final Map<String, Set<String>> WRITES = Map.of(
            INCIDENT, Set.of(INCIDENTS),
            NOTIFICATION, Set.of(STATES, CONTACTS, AGREEMENTS, ALERTS, OUTCOMES, DISCLOSURES, CHECKS),
            TRUST, Set.of(),
            EXERCISE, Set.of(EXERCISE_INCIDENTS, EXERCISE_ANSWERS, CLOCKS, EXERCISE_STATES, EXERCISE_CONTACTS, EXERCISE_AGREEMENTS),
            REPLAY, Topics.ALL.stream().map(Topics.Topic::name).collect(Collectors.toSet()));

    /** Who publishes and reads the writer schemas on schemas.v1: everyone that writes or reads events with them. */
    static final List<String> SCHEMA_USERS = List.of(INCIDENT, NOTIFICATION, TRUST, EXERCISE);

    /** Which service consumes what, and the consumer group (Kafka Streams application id) it reads under. */
    static final Map<String, Map<String, String>> READS = Map.of(
            INCIDENT, Map.of(INCIDENTS, "incident-service", STATES, "incident-service"),
            NOTIFICATION, Map.ofEntries(
                    Map.entry(INCIDENTS, "notification-service-fanout"),
                    Map.entry(EXERCISE_INCIDENTS, "notification-service-fanout"),
                    Map.entry(AGREEMENTS, "notification-service-fanout"),
                    Map.entry(CONTACTS, "notification-service-lifecycle"),
                    Map.entry(STATES, "notification-service-fanout"),
                    Map.entry(ALERTS, "notification-service-lifecycle"),
                    Map.entry(EXERCISE_ANSWERS, "notification-service-lifecycle"),
                    Map.entry(CLOCKS, "notification-service-lifecycle"),
                    Map.entry(DISCLOSURES, "notification-service-ledger"),
                    Map.entry(CHECKS, "notification-service-checks"),
                    Map.entry(EXERCISE_STATES, "notification-service-exercise-reference"),
                    Map.entry(EXERCISE_CONTACTS, "notification-service-exercise-reference"),
                    Map.entry(EXERCISE_AGREEMENTS, "notification-service-exercise-reference")),
            TRUST, Map.of(OUTCOMES, "trust-service", CHECKS, "trust-service", STATES, "trust-service"));

    /**
     * What exercise-service's replay reads: assigned partitions, no consumer group, no offsets
     * committed; the live contact chains for the backups a scenario scripts.
     */
    static final Set<String> EXERCISE_READS = Set.of(ALERTS, DISCLOSURES, OUTCOMES, CONTACTS);

    /**
     * The groups whose committed offsets exercise-service's replay waits on (its ReplaySettings),
     * each with the topics it compares them on: those of the group's inputs it writes, and for the
     * lifecycle the alert events, where the fan-out's alerts of the replay's injects arrive.
     */
    static final Map<String, Set<String>> AWAITED = Map.of(
            "notification-service-fanout", Set.of(EXERCISE_INCIDENTS),
            "notification-service-lifecycle", Set.of(ALERTS, EXERCISE_ANSWERS, CLOCKS));

    /**
     * The groups that consume, as a stream, something a replay writes but whose offsets the replay
     * does not wait on, with those topics: the exercise reference relay, whose output the fan-out
     * and the lifecycle wait for themselves (the incidents say how much reference data to expect).
     */
    static final Map<String, Set<String>> NOT_AWAITED = Map.of(
            "notification-service-exercise-reference", Set.of(EXERCISE_STATES, EXERCISE_CONTACTS, EXERCISE_AGREEMENTS));

    /**
     * Whose dead-letter recoverer (the binder's, a plain idempotent producer outside the
     * transactions) writes which dead-letter topics: those of the topics the service consumes.
     * exercise-service has none.
     */
    static final Map<String, Set<String>> DEAD_LETTER_WRITES = Map.of(
            INCIDENT, Set.of(dlq(INCIDENTS), dlq(STATES)),
            NOTIFICATION, Set.of(dlq(INCIDENTS), dlq(STATES), dlq(CONTACTS), dlq(AGREEMENTS), dlq(ALERTS), dlq(DISCLOSURES),
                    dlq(CLOCKS), dlq(CHECKS), dlq(EXERCISE_INCIDENTS), dlq(EXERCISE_ANSWERS), dlq(EXERCISE_STATES),
                    dlq(EXERCISE_CONTACTS), dlq(EXERCISE_AGREEMENTS)),
            TRUST, Set.of(dlq(OUTCOMES), dlq(CHECKS), dlq(STATES)));

    /** Each service's Kafka Streams applications, as the services' configuration binds them. */
    static final List<StreamsApplication> APPLICATIONS = List.of(
            new StreamsApplication(INCIDENT, "incident-service", List.of(INCIDENTS), List.of(STATES), List.of()),
            new StreamsApplication(NOTIFICATION, "notification-service-fanout", List.of(INCIDENTS, EXERCISE_INCIDENTS),
                    List.of(AGREEMENTS, CONTACTS, STATES), List.of(ALERTS, DISCLOSURES)),
            new StreamsApplication(NOTIFICATION, "notification-service-lifecycle", List.of(ALERTS, EXERCISE_ANSWERS, CLOCKS),
                    List.of(CONTACTS), List.of(ALERTS, OUTCOMES)),
            new StreamsApplication(NOTIFICATION, "notification-service-ledger", List.of(DISCLOSURES), List.of(), List.of()),
            new StreamsApplication(NOTIFICATION, "notification-service-checks", List.of(CHECKS, CONTACTS), List.of(), List.of(CHECKS)),
            new StreamsApplication(NOTIFICATION, "notification-service-exercise-reference",
                    List.of(EXERCISE_STATES, EXERCISE_CONTACTS, EXERCISE_AGREEMENTS), List.of(), List.of(STATES, CONTACTS, AGREEMENTS)),
            new StreamsApplication(TRUST, "trust-service", List.of(OUTCOMES, CHECKS), List.of(STATES), List.of()));

    /**
     * Which service creates which catalogue topics on the empty broker: every service creates some
     * it does not own, as whichever starts first does.
     */
    static final Map<String, List<String>> FIRST_PROVISIONING = Map.of(
            TRUST, List.of(INCIDENTS, STATES, CONTACTS, EXERCISE_INCIDENTS),
            INCIDENT, List.of(AGREEMENTS, ALERTS, CLOCKS, CHECKS, EXERCISE_ANSWERS, EXERCISE_STATES),
            NOTIFICATION, List.of(OUTCOMES, DISCLOSURES, EXERCISE_CONTACTS, EXERCISE_AGREEMENTS));

    /** The same for the dead-letter topics: every service creates some it does not write. */
    static final Map<String, List<String>> FIRST_DEAD_LETTER_PROVISIONING = Map.of(
            TRUST, List.of(dlq(INCIDENTS), dlq(STATES), dlq(CONTACTS), dlq(EXERCISE_INCIDENTS), dlq(EXERCISE_ANSWERS)),
            INCIDENT, List.of(dlq(AGREEMENTS), dlq(ALERTS), dlq(DISCLOSURES), dlq(CHECKS), dlq(EXERCISE_STATES)),
            NOTIFICATION, List.of(dlq(OUTCOMES), dlq(CLOCKS), dlq(EXERCISE_CONTACTS), dlq(EXERCISE_AGREEMENTS)));

    static final Duration WAIT = Duration.ofSeconds(30);

    static KafkaUsers users;
    static SaslBroker broker;
    static final Map<String, String> passwords = new LinkedHashMap<>();

    @BeforeAll
    static void startBrokerWithTheShippedAcls() throws Exception {
        users = KafkaUsers.load();
        assertThat(users.users()).extracting(KafkaUsers.User::name).containsExactlyInAnyOrderElementsOf(USERS);
        assertThat(users.users()).extracting(KafkaUsers.User::authentication).containsOnly("scram-sha-512");
        USERS.forEach(user -> passwords.put(user, UUID.randomUUID().toString()));

        broker = SaslBroker.start();
        broker.createScramUsers(passwords);
        broker.createAcls(users.bindings());
        for (String user : USERS) {
            awaitAuthenticated(user);
        }
        for (var share : FIRST_PROVISIONING.entrySet()) {
            kafkaAdmin(share.getKey()).createOrModifyTopics(share.getValue().stream().map(KafkaAclTest::catalogueTopic)
                    .toArray(NewTopic[]::new));
        }
        for (var share : FIRST_DEAD_LETTER_PROVISIONING.entrySet()) {
            kafkaAdmin(share.getKey()).createOrModifyTopics(share.getValue().stream().map(KafkaAclTest::catalogueTopic)
                    .toArray(NewTopic[]::new));
        }
        kafkaAdmin(TRUST).createOrModifyTopics(schemaTopic());
        for (Topics.Topic topic : Topics.ALL) {
            String owner = publisherOf(topic.name());
            write(owner, topic.name(), "marker", "marker of " + topic.name());
        }
        // The offsets a replay waits on, committed before any Kafka Streams application joins
        // those groups (an assigned consumer cannot commit while a member is in the group).
        AWAITED.forEach((group, topics) -> topics.forEach(topic -> read(NOTIFICATION, group, topic, "marker")));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    // --- the file itself -------------------------------------------------------------------

    /**
     * One user writes each catalogue topic: a service its own, exercise-service the exercise
     * topics and no live one (notification-service admits what it takes from them); besides, the
     * dead-letter replay writes every topic, as it puts back what any consumer refused.
     */
    @Test
    void everyCatalogueTopicIsWrittenExactlyByItsPublishers() {
        Map<String, List<String>> writers = new TreeMap<>();
        for (Topics.Topic topic : Topics.ALL) {
            writers.put(topic.name(), users.usersAllowed(AclOperation.WRITE, topic.name()));
        }

        assertThat(writers).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry(INCIDENTS, List.of(INCIDENT, REPLAY)),
                Map.entry(STATES, List.of(NOTIFICATION, REPLAY)),
                Map.entry(CONTACTS, List.of(NOTIFICATION, REPLAY)),
                Map.entry(AGREEMENTS, List.of(NOTIFICATION, REPLAY)),
                Map.entry(ALERTS, List.of(NOTIFICATION, REPLAY)),
                Map.entry(OUTCOMES, List.of(NOTIFICATION, REPLAY)),
                Map.entry(DISCLOSURES, List.of(NOTIFICATION, REPLAY)),
                Map.entry(CLOCKS, List.of(EXERCISE, REPLAY)),
                Map.entry(CHECKS, List.of(NOTIFICATION, REPLAY)),
                Map.entry(EXERCISE_INCIDENTS, List.of(EXERCISE, REPLAY)),
                Map.entry(EXERCISE_ANSWERS, List.of(EXERCISE, REPLAY)),
                Map.entry(EXERCISE_STATES, List.of(EXERCISE, REPLAY)),
                Map.entry(EXERCISE_CONTACTS, List.of(EXERCISE, REPLAY)),
                Map.entry(EXERCISE_AGREEMENTS, List.of(EXERCISE, REPLAY)))));
    }

    @Test
    void everyDeadLetterTopicIsWrittenByTheConsumersOfItsTopic() {
        Map<String, Set<String>> consumersDeadLetters = new TreeMap<>();
        READS.forEach((service, topics) -> consumersDeadLetters.put(service,
                topics.keySet().stream().map(KafkaAclTest::dlq).collect(Collectors.toCollection(TreeSet::new))));
        assertThat(sorted(DEAD_LETTER_WRITES)).as("dead letters written = dead letters of what is consumed")
                .isEqualTo(consumersDeadLetters);

        Map<String, Set<String>> writers = new TreeMap<>();
        for (Topics.Topic topic : Topics.DEAD_LETTERS) {
            writers.put(topic.name(), new TreeSet<>(users.usersAllowed(AclOperation.WRITE, topic.name())));
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        Topics.DEAD_LETTERS.forEach(topic -> expected.put(topic.name(), new TreeSet<>()));
        DEAD_LETTER_WRITES.forEach((service, topics) -> topics.forEach(topic -> expected.get(topic).add(service)));
        assertThat(writers).isEqualTo(expected);
        assertThat(expected.get(dlq(OUTCOMES))).containsExactly(TRUST);
        assertThat(expected.get(dlq(INCIDENTS))).containsExactlyInAnyOrder(INCIDENT, NOTIFICATION);
        assertThat(expected.get(dlq(CHECKS))).containsExactlyInAnyOrder(NOTIFICATION, TRUST);
        assertThat(expected.get(dlq(EXERCISE_STATES))).containsExactly(NOTIFICATION);
    }

    /**
     * Dead-letter topics are granted by literal name, one rule per topic, only the dead-letter
     * replay reads them, and every service may provision them.
     */
    @Test
    void deadLetterTopicsAreGrantedLiterallyAndReadOnlyByTheReplay() {
        Set<String> deadLetters = Topics.DEAD_LETTERS.stream().map(Topics.Topic::name).collect(Collectors.toSet());
        for (KafkaUsers.User user : users.users()) {
            List<KafkaUsers.Rule> rules = user.rules().stream().filter(rule -> deadLetters.contains(rule.name())).toList();
            assertThat(rules).as(user.name()).allSatisfy(rule -> {
                assertThat(rule.type()).isEqualTo("topic");
                assertThat(rule.patternType()).isEqualTo("literal");
            });
            if (!user.name().equals(REPLAY)) {
                assertThat(rules).as(user.name()).noneMatch(rule -> rule.operations().contains("Read"));
            }
        }
        for (String service : SERVICES) {
            for (String topic : deadLetters) {
                assertThat(users.user(service).rules()).as(service + " provisions " + topic)
                        .contains(new KafkaUsers.Rule("topic", topic, "literal", List.of("Create", "Describe"), "*"));
            }
        }
        for (Topics.Topic topic : Topics.DEAD_LETTERS) {
            assertThat(users.usersAllowed(AclOperation.READ, topic.name())).as("readers of " + topic.name()).containsExactly(REPLAY);
        }
    }

    @Test
    void grantsNoWildcardNoAllAndNothingOnTheCluster() {
        List<AclBinding> bindings = users.bindings();

        assertThat(bindings).noneMatch(binding -> binding.pattern().name().equals("*"));
        assertThat(bindings).noneMatch(binding -> binding.entry().operation() == AclOperation.ALL);
        assertThat(bindings).noneMatch(binding -> binding.pattern().resourceType() == ResourceType.CLUSTER);
        assertThat(bindings).allMatch(binding -> binding.entry().host().equals("*"));
    }

    /**
     * exercise-service writes, reads and describes what the replay uses, by literal name, and
     * publishes and reads the writer schemas, and nothing else: no provisioning, no consumer group
     * of its own, no transactional id, no dead letters.
     */
    @Test
    void exerciseServiceIsGrantedExactlyWhatTheReplayUses() {
        Set<String> expected = new TreeSet<>(Set.of("topic " + SCHEMAS + " Describe", "topic " + SCHEMAS + " Read",
                "topic " + SCHEMAS + " Write"));
        WRITES.get(EXERCISE).forEach(topic -> expected.add("topic " + topic + " Write"));
        EXERCISE_READS.forEach(topic -> expected.add("topic " + topic + " Read"));
        AWAITED.forEach((group, topics) -> {
            expected.add("group " + group + " Describe");
            topics.forEach(topic -> expected.add("topic " + topic + " Describe"));
        });

        List<KafkaUsers.Rule> rules = users.user(EXERCISE).rules();
        assertThat(rules).allSatisfy(rule -> assertThat(rule.patternType()).isEqualTo("literal"));
        Set<String> granted = new TreeSet<>();
        rules.forEach(rule -> rule.operations().forEach(operation -> granted.add(String.join(" ", rule.type(), rule.name(), operation))));
        assertThat(granted).isEqualTo(expected);
    }

    @Test
    void aclsScriptGrantsExactlyWhatTheKafkaUsersGrant() throws IOException {
        Pattern allow = Pattern.compile("^allow\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(literal|prefixed)\\s+(.+)$");
        Set<String> scripted = new TreeSet<>();
        for (String line : Files.readAllLines(Repository.path("deploy/kafka/acls.sh"))) {
            Matcher matcher = allow.matcher(line.strip());
            if (matcher.matches()) {
                for (String operation : matcher.group(5).strip().split("\\s+")) {
                    scripted.add(String.join(" ", matcher.group(1), matcher.group(2), matcher.group(3),
                            matcher.group(4).equals("prefixed") ? "prefix" : "literal", operation));
                }
            }
        }
        Set<String> declared = new TreeSet<>();
        for (KafkaUsers.User user : users.users()) {
            for (KafkaUsers.Rule rule : user.rules()) {
                for (String operation : rule.operations()) {
                    declared.add(String.join(" ", user.name(), rule.type(), rule.name(), rule.patternType(), operation));
                }
            }
        }

        assertThat(scripted).isEqualTo(declared);
    }

    /**
     * Every binding and Kafka Streams application in the services' configuration is covered: an
     * input destination readable and its dead-letter topic writable, an output destination writable, an application id's group,
     * internal topics and transactional ids granted, and each one run by the Kafka Streams test.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyBindingAndApplicationOfTheServicesConfigurationIsGranted() throws IOException {
        Set<String> configuredApplications = new TreeSet<>();
        for (String service : SERVICES) {
            Map<String, Object> stream = streamConfiguration(service);
            Map<String, Map<String, Object>> bindings = (Map<String, Map<String, Object>>) child(stream, "bindings");
            KafkaUsers.User user = users.user(service);
            for (var binding : bindings.entrySet()) {
                AclOperation needed = binding.getKey().contains("-in-") ? AclOperation.READ : AclOperation.WRITE;
                for (String destination : destinations(binding.getValue())) {
                    assertThat(users.usersAllowed(needed, destination)).as(service + " " + binding.getKey()).contains(service);
                    if (needed == AclOperation.READ) {
                        assertThat(DEAD_LETTER_WRITES.get(service)).as(service + " " + binding.getKey() + " dead letters")
                                .contains(dlq(destination));
                        assertThat(users.usersAllowed(AclOperation.WRITE, dlq(destination)))
                                .as(service + " " + binding.getKey() + " dead letters").contains(service);
                    }
                }
            }
            Map<String, Map<String, Object>> functions = (Map<String, Map<String, Object>>) child(stream,
                    "kafka", "streams", "binder", "functions");
            for (var function : functions.entrySet()) {
                String applicationId = (String) function.getValue().get("application-id");
                configuredApplications.add(applicationId);
                assertThat(user.rules()).as(service + " " + applicationId).contains(
                        new KafkaUsers.Rule("group", applicationId, "literal", List.of("Read"), "*"),
                        new KafkaUsers.Rule("topic", applicationId + "-", "prefix",
                                List.of("Create", "Delete", "Describe", "Read", "Write"), "*"),
                        new KafkaUsers.Rule("transactionalId", applicationId + "-", "prefix", List.of("Describe", "Write"), "*"));
                bindings.entrySet().stream()
                        .filter(binding -> binding.getKey().startsWith(function.getKey() + "-in-") && binding.getValue().containsKey("group"))
                        .forEach(binding -> assertThat(binding.getValue().get("group")).as(binding.getKey()).isEqualTo(applicationId));
            }
        }

        assertThat(configuredApplications).isEqualTo(APPLICATIONS.stream().map(StreamsApplication::id)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * The replay waits on notification-service's Kafka Streams applications that consume what it
     * writes, as notification-service.yml binds them: {@link #AWAITED} names each one's group and
     * those inputs, {@link #NOT_AWAITED} those it need not wait on. No application reads what it
     * writes as a global table: its reference data reaches those through the exercise reference
     * relay.
     */
    @Test
    @SuppressWarnings("unchecked")
    void exerciseServiceAwaitsTheApplicationsThatConsumeWhatItWrites() throws IOException {
        Map<String, Object> stream = streamConfiguration(NOTIFICATION);
        Map<String, Map<String, Object>> bindings = (Map<String, Map<String, Object>>) child(stream, "bindings");
        Map<String, Map<String, Object>> functions = (Map<String, Map<String, Object>>) child(stream,
                "kafka", "streams", "binder", "functions");

        Map<String, Set<String>> consumersOfWhatTheReplayWrites = new TreeMap<>();
        Map<String, Set<String>> globalTablesOfWhatTheReplayWrites = new TreeMap<>();
        bindings.forEach((binding, settings) -> destinations(settings).forEach(destination -> {
            if (binding.contains("-in-") && WRITES.get(EXERCISE).contains(destination)) {
                String function = binding.substring(0, binding.indexOf("-in-"));
                String applicationId = (String) functions.get(function).get("application-id");
                StreamsApplication application = APPLICATIONS.stream().filter(candidate -> candidate.id().equals(applicationId))
                        .findFirst().orElseThrow();
                boolean globalTable = application.globalTables().contains(destination);
                assertThat(globalTable || application.inputs().contains(destination)).as(binding).isTrue();
                (globalTable ? globalTablesOfWhatTheReplayWrites : consumersOfWhatTheReplayWrites)
                        .computeIfAbsent(applicationId, id -> new TreeSet<>()).add(destination);
            }
        }));

        Map<String, Set<String>> consumers = new TreeMap<>();
        AWAITED.forEach((group, topics) -> consumers.put(group, topics.stream().filter(WRITES.get(EXERCISE)::contains)
                .collect(Collectors.toCollection(TreeSet::new))));
        consumers.putAll(sorted(NOT_AWAITED));
        assertThat(consumersOfWhatTheReplayWrites).isEqualTo(consumers);
        assertThat(AWAITED.keySet()).doesNotContainAnyElementsOf(NOT_AWAITED.keySet());
        assertThat(globalTablesOfWhatTheReplayWrites).isEmpty();
    }

    /** A binding's destinations: one topic, or several, comma-separated, as the Kafka Streams binder reads them. */
    private static List<String> destinations(Map<String, Object> binding) {
        return List.of(((String) binding.get("destination")).split(","));
    }

    /** {@code spring.cloud.stream} of a service's {@code <service>/src/main/resources/<service>.yml}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> streamConfiguration(String service) throws IOException {
        Map<String, Object> configuration;
        try (var reader = Files.newBufferedReader(Repository.path(service + "/src/main/resources/" + service + ".yml"))) {
            configuration = new Yaml().load(reader);
        }
        return (Map<String, Object>) child(configuration, "spring", "cloud", "stream");
    }

    @SuppressWarnings("unchecked")
    private static Object child(Map<String, Object> map, String... path) {
        Object current = map;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
            assertThat(current).as(String.join(".", path)).isNotNull();
        }
        return current;
    }

    // --- authentication ----------------------------------------------------------------------

    @Test
    void wrongPasswordIsRefused() {
        Map<String, String> variables = saslVariables(TRUST, "not-" + passwords.get(TRUST));

        assertThat(SecuritySettings.resolve(variables).clusterIdFailure(broker.bootstrapServers(), 3000)).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void unknownUserIsRefused() {
        Map<String, String> variables = saslVariables("exercise-planner", "whatever");

        assertThat(SecuritySettings.resolve(variables).clusterIdFailure(broker.bootstrapServers(), 3000)).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void clientWithoutSaslCannotConnect() {
        SecuritySettings defaults = SecuritySettings.resolve(Map.of());
        assertThat(defaults.kafka().buildAdminProperties()).containsEntry("security.protocol", "PLAINTEXT");

        assertThat(defaults.clusterIdFailure(broker.bootstrapServers(), 3000)).isInstanceOf(TimeoutException.class);
    }

    // --- provisioning ------------------------------------------------------------------------

    @Test
    void everyServiceProvisionsTheCatalogueAtStart() throws Exception {
        for (String service : SERVICES) {
            KafkaAdmin admin = kafkaAdmin(service);

            admin.createOrModifyTopics(Topics.ALL.stream().map(topic -> catalogueTopic(topic.name())).toArray(NewTopic[]::new));

            assertThat(admin.clusterId()).as(service).isNotBlank();
            Map<String, TopicDescription> described = admin.describeTopics(
                    Topics.ALL.stream().map(Topics.Topic::name).toArray(String[]::new));
            assertThat(described.keySet()).as(service)
                    .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topics.Topic::name).toList());
            assertThat(described.values()).as(service).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(2));
        }
    }

    /** As platform's TopicProvisioning does: the catalogue and its dead-letter topics, together. */
    @Test
    void everyServiceProvisionsTheDeadLetterTopicsAtStart() throws Exception {
        List<String> all = Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTERS.stream()).map(Topics.Topic::name).toList();
        for (String service : SERVICES) {
            KafkaAdmin admin = kafkaAdmin(service);

            admin.createOrModifyTopics(all.stream().map(KafkaAclTest::catalogueTopic).toArray(NewTopic[]::new));

            Map<String, TopicDescription> described = admin.describeTopics(all.toArray(String[]::new));
            assertThat(described.keySet()).as(service).containsExactlyInAnyOrderElementsOf(all);
            assertThat(described.values()).as(service).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(2));
        }
        try (Admin admin = Admin.create(broker.adminProperties())) {
            List<ConfigResource> resources = Topics.DEAD_LETTERS.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name())).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(configs.values()).allSatisfy(config -> {
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            });
        }
    }

    @Test
    void noServiceCreatesADeadLetterTopicOutsideTheCatalogue() {
        for (String service : SERVICES) {
            try (Admin admin = Admin.create(settings(service).admin(broker.bootstrapServers()))) {
                assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("incident.drafts.v1.dlq", 1, (short) 1)))
                        .all().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                        .as(service)
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void noServiceCreatesATopicOutsideTheCatalogue() {
        try (Admin admin = Admin.create(settings(INCIDENT).admin(broker.bootstrapServers()))) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("incident.drafts.v1", 1, (short) 1)))
                    .all().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** exercise-service provisions nothing: a replay runs against topics the services created. */
    @Test
    void exerciseServiceCreatesNoCatalogueTopic() {
        try (Admin admin = Admin.create(settings(EXERCISE).admin(broker.bootstrapServers()))) {
            assertThatThrownBy(() -> admin.createTopics(List.of(catalogueTopic(CLOCKS))).all().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    // --- writing -----------------------------------------------------------------------------

    @Test
    void eachUserWritesExactlyTheTopicsItPublishes() {
        Map<String, Set<String>> written = new TreeMap<>();
        Map<String, Set<String>> refused = new TreeMap<>();
        for (String user : USERS) {
            written.put(user, new TreeSet<>());
            refused.put(user, new TreeSet<>());
            for (Topics.Topic topic : Topics.ALL) {
                Throwable failure = writeFailure(user, topic.name());
                if (failure == null) {
                    written.get(user).add(topic.name());
                } else {
                    assertThat(failure).as(user + " writing " + topic.name()).isInstanceOf(TopicAuthorizationException.class);
                    assertThat(((TopicAuthorizationException) failure).unauthorizedTopics()).containsExactly(topic.name());
                    refused.get(user).add(topic.name());
                }
            }
        }

        assertThat(written).isEqualTo(sorted(WRITES));
        Map<String, Set<String>> othersTopics = new TreeMap<>();
        WRITES.forEach((service, own) -> othersTopics.put(service, Topics.ALL.stream().map(Topics.Topic::name)
                .filter(topic -> !own.contains(topic)).collect(Collectors.toCollection(TreeSet::new))));
        assertThat(refused).isEqualTo(othersTopics);
    }

    /**
     * Each service's dead-letter recoverer (an idempotent producer, no transaction) can write the
     * dead-letter topics of what the service consumes, and is refused every other one.
     */
    @Test
    void eachServiceWritesExactlyTheDeadLetterTopicsOfWhatItConsumes() {
        Map<String, Set<String>> written = new TreeMap<>();
        Map<String, Set<String>> refused = new TreeMap<>();
        for (String service : SERVICES) {
            written.put(service, new TreeSet<>());
            refused.put(service, new TreeSet<>());
            for (Topics.Topic topic : Topics.DEAD_LETTERS) {
                Throwable failure = writeFailure(service, topic.name());
                if (failure == null) {
                    written.get(service).add(topic.name());
                } else {
                    assertThat(failure).as(service + " writing " + topic.name()).isInstanceOf(TopicAuthorizationException.class);
                    assertThat(((TopicAuthorizationException) failure).unauthorizedTopics()).containsExactly(topic.name());
                    refused.get(service).add(topic.name());
                }
            }
        }

        assertThat(written).isEqualTo(sorted(DEAD_LETTER_WRITES));
        Map<String, Set<String>> othersDeadLetters = new TreeMap<>();
        DEAD_LETTER_WRITES.forEach((service, own) -> othersDeadLetters.put(service, Topics.DEAD_LETTERS.stream()
                .map(Topics.Topic::name).filter(topic -> !own.contains(topic)).collect(Collectors.toCollection(TreeSet::new))));
        assertThat(refused).isEqualTo(othersDeadLetters);
    }

    @Test
    void exerciseServiceWritesNoDeadLetterTopic() {
        for (Topics.Topic topic : Topics.DEAD_LETTERS) {
            assertRefusedWriting(EXERCISE, topic.name());
        }
    }

    /**
     * A scenario's own reference data goes to the exercise reference topics under the exercise's
     * keys ({@link ExerciseKeys}), and its tombstones when the replay ends; its injects, answers
     * and clock to their exercise topics.
     */
    @Test
    void exerciseServicePublishesOnTheExerciseTopics() throws Exception {
        String key = ExerciseKeys.key("some-exercise", "EE"); // x|some-exercise|EE

        write(EXERCISE, EXERCISE_STATES, key, "Estonia of some-exercise");
        write(EXERCISE, EXERCISE_STATES, key, null);

        assertThat(readAsAdmin(EXERCISE_STATES, key)).containsExactly("Estonia of some-exercise", null);
        for (String topic : List.of(EXERCISE_INCIDENTS, EXERCISE_ANSWERS, CLOCKS, EXERCISE_CONTACTS, EXERCISE_AGREEMENTS)) {
            assertThat(writeFailure(EXERCISE, topic)).as(topic).isNull();
        }
    }

    /**
     * The broker refuses exercise-service every live topic a replay once wrote: the incidents, the
     * alert events, and the reference data under any key, an exercise's own included (those reach
     * the reference topics only through notification-service, which checks them).
     */
    @Test
    void exerciseServiceIsRefusedWritingTheLiveTopics() {
        for (String topic : List.of(INCIDENTS, ALERTS, STATES, CONTACTS, AGREEMENTS)) {
            assertRefusedWriting(EXERCISE, topic);
        }
        assertThatThrownBy(() -> write(EXERCISE, STATES, ExerciseKeys.key("some-exercise", "EE"), "Estonia of some-exercise"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TopicAuthorizationException.class);
    }

    /**
     * Nor can it write notification-service's state (the inboxes' changelog) or produce as one of
     * its transactional applications: what the lifecycle restores an inbox from and what the
     * fan-out commits stay notification-service's.
     */
    @Test
    void exerciseServiceCannotWriteNotificationServicesStateNorTakeItsTransactionalIds() {
        assertRefusedWriting(EXERCISE, "notification-service-lifecycle-alert-lifecycle-changelog");

        for (String application : List.of("notification-service-fanout", "notification-service-lifecycle",
                "notification-service-exercise-reference")) {
            Map<String, Object> properties = settings(EXERCISE).producer(broker.bootstrapServers());
            properties.put("transactional.id", application + "-" + UUID.randomUUID() + "-1");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
                assertThatThrownBy(producer::initTransactions).as(application)
                        .isInstanceOf(TransactionalIdAuthorizationException.class);
            }
        }
    }

    @Test
    void trustServiceIsRefusedWritingIncidentDeadLetters() {
        assertRefusedWriting(TRUST, dlq(INCIDENTS));
    }

    @Test
    void incidentServiceIsRefusedWritingCommitmentOutcomeDeadLetters() {
        assertRefusedWriting(INCIDENT, dlq(OUTCOMES));
    }

    @Test
    void notificationServiceIsRefusedWritingCommitmentOutcomeDeadLetters() {
        assertRefusedWriting(NOTIFICATION, dlq(OUTCOMES));
    }

    @Test
    void incidentServiceIsRefusedWritingAlertEvents() {
        assertRefusedWriting(INCIDENT, ALERTS);
    }

    @Test
    void trustServiceIsRefusedWritingCommitmentOutcomes() {
        assertRefusedWriting(TRUST, OUTCOMES);
    }

    /** trust-service reads communication checks to keep its figures; notification-service alone writes them. */
    @Test
    void trustServiceIsRefusedWritingCommunicationChecks() {
        assertRefusedWriting(TRUST, CHECKS);
    }

    @Test
    void notificationServiceIsRefusedWritingIncidentEvents() {
        assertRefusedWriting(NOTIFICATION, INCIDENTS);
    }

    @Test
    void noServiceTakesAnotherApplicationsTransactionalId() {
        Map<String, Object> properties = settings(INCIDENT).producer(broker.bootstrapServers());
        properties.put("transactional.id", "notification-service-fanout-" + UUID.randomUUID() + "-1");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    // --- reading -----------------------------------------------------------------------------

    @Test
    void eachServiceReadsExactlyTheTopicsItConsumes() {
        Map<String, Set<String>> read = new TreeMap<>();
        Map<String, Set<String>> refused = new TreeMap<>();
        for (String service : SERVICES) {
            read.put(service, new TreeSet<>());
            refused.put(service, new TreeSet<>());
            String anyOwnGroup = READS.get(service).values().iterator().next();
            for (Topics.Topic topic : Topics.ALL) {
                String group = READS.get(service).getOrDefault(topic.name(), anyOwnGroup);
                try {
                    List<String> markers = read(service, group, topic.name(), "marker");
                    assertThat(markers).as(service + " reading " + topic.name()).containsExactly("marker of " + topic.name());
                    read.get(service).add(topic.name());
                } catch (TopicAuthorizationException e) {
                    assertThat(e.unauthorizedTopics()).containsExactly(topic.name());
                    refused.get(service).add(topic.name());
                }
            }
        }

        Map<String, Set<String>> consumed = new TreeMap<>();
        READS.forEach((service, topics) -> consumed.put(service, new TreeSet<>(topics.keySet())));
        assertThat(read).isEqualTo(consumed);
        Map<String, Set<String>> notConsumed = new TreeMap<>();
        READS.forEach((service, topics) -> notConsumed.put(service, Topics.ALL.stream().map(Topics.Topic::name)
                .filter(topic -> !topics.containsKey(topic)).collect(Collectors.toCollection(TreeSet::new))));
        assertThat(refused).isEqualTo(notConsumed);
    }

    @Test
    void trustServiceIsRefusedReadingIncidentEvents() {
        assertThatThrownBy(() -> read(TRUST, "trust-service", INCIDENTS, "marker"))
                .isInstanceOf(TopicAuthorizationException.class)
                .satisfies(e -> assertThat(((TopicAuthorizationException) e).unauthorizedTopics()).containsExactly(INCIDENTS));
    }

    @Test
    void noServiceReadsUnderAnotherServicesGroup() {
        assertThatThrownBy(() -> read(TRUST, "notification-service-fanout", OUTCOMES, "marker"))
                .isInstanceOf(GroupAuthorizationException.class)
                .satisfies(e -> assertThat(((GroupAuthorizationException) e).groupId()).isEqualTo("notification-service-fanout"));
    }

    /** As the replay's observer reads: assigned partitions from the beginning, no group, nothing committed. */
    @Test
    void exerciseServiceReadsExactlyWhatTheReplayObservesWithoutAGroup() {
        Set<String> read = new TreeSet<>();
        Set<String> refused = new TreeSet<>();
        for (Topics.Topic topic : Topics.ALL) {
            try {
                List<String> markers = readWithoutGroup(EXERCISE, topic.name(), "marker");
                assertThat(markers).as("reading " + topic.name()).containsExactly("marker of " + topic.name());
                read.add(topic.name());
            } catch (TopicAuthorizationException e) {
                assertThat(e.unauthorizedTopics()).containsExactly(topic.name());
                refused.add(topic.name());
            }
        }

        assertThat(read).isEqualTo(new TreeSet<>(EXERCISE_READS));
        assertThat(refused).isEqualTo(Topics.ALL.stream().map(Topics.Topic::name).filter(topic -> !EXERCISE_READS.contains(topic))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Describe on notification-service's groups lets the replay see their offsets, not commit under them. */
    @Test
    void exerciseServiceCannotCommitUnderTheGroupsItAwaits() {
        for (String group : AWAITED.keySet()) {
            assertThatThrownBy(() -> read(EXERCISE, group, ALERTS, "marker"))
                    .as(group)
                    .isInstanceOf(GroupAuthorizationException.class)
                    .satisfies(e -> assertThat(((GroupAuthorizationException) e).groupId()).isEqualTo(group));
        }
    }

    /**
     * The replay's Admin client learns the clock's partition count and the offsets
     * notification-service's applications committed, as the operator sees them but for the topics
     * it may not describe; another service's group is refused.
     */
    @Test
    void exerciseServiceSeesHowFarNotificationServiceHasConsumed() throws Exception {
        // Read and Write imply Describe.
        Set<String> describable = users.user(EXERCISE).rules().stream().filter(rule -> rule.type().equals("topic"))
                .map(KafkaUsers.Rule::name).collect(Collectors.toSet());

        try (Admin replay = Admin.create(settings(EXERCISE).admin(broker.bootstrapServers()));
                Admin operator = Admin.create(broker.adminProperties())) {
            assertThat(replay.describeTopics(List.of(CLOCKS)).allTopicNames().get(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .get(CLOCKS).partitions()).hasSize(2);
            for (var awaited : AWAITED.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> seen = committedOffsets(replay, awaited.getKey());
                Map<TopicPartition, OffsetAndMetadata> describableOffsets = new HashMap<>(committedOffsets(operator, awaited.getKey()));
                describableOffsets.keySet().removeIf(partition -> !describable.contains(partition.topic()));

                assertThat(seen).as(awaited.getKey()).isEqualTo(describableOffsets);
                assertThat(seen.keySet().stream().map(TopicPartition::topic)).as(awaited.getKey())
                        .containsAll(awaited.getValue());
            }
            assertThatThrownBy(() -> committedOffsets(replay, "trust-service"))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(GroupAuthorizationException.class);
        }
    }

    // --- schemas.v1 --------------------------------------------------------------------------

    /**
     * Each service creates schemas.v1 if it is missing, as platform's SchemaTopicConfiguration
     * does at start (one partition, compacted); exercise-service (spring.kafka.admin.auto-create
     * false) and the dead-letter replay create nothing.
     */
    @Test
    void everyServiceProvisionsTheSchemasTopicAndNobodyElse() throws Exception {
        for (String service : SERVICES) {
            KafkaAdmin admin = kafkaAdmin(service);

            admin.createOrModifyTopics(schemaTopic());

            assertThat(admin.describeTopics(SCHEMAS).get(SCHEMAS).partitions()).as(service).hasSize(1);
        }
        try (Admin admin = Admin.create(broker.adminProperties())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, SCHEMAS);
            Config config = admin.describeConfigs(List.of(resource)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS).get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        for (String user : List.of(EXERCISE, REPLAY)) {
            try (Admin admin = Admin.create(settings(user).admin(broker.bootstrapServers()))) {
                assertThatThrownBy(() -> admin.createTopics(List.of(schemaTopic())).all().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                        .as(user)
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    /**
     * Every service and exercise-service publishes the schemas it writes with on schemas.v1, as
     * platform's SchemaPublisher does at start, and resolves everyone's through platform's
     * KafkaSchemaStore (assigned partitions, no group), as do the dead-letter replay and an older
     * release meeting a record of a newer one.
     */
    @Test
    void everyoneResolvesTheSchemasEveryUserPublishes() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "");
        Map<String, Schema> published = new TreeMap<>();
        for (String user : SCHEMA_USERS) {
            Schema schema = SchemaBuilder.record("AclProbe" + run).namespace("org.entente.probe." + user.replace("-", ""))
                    .fields().requiredString("writtenBy").endRecord();
            ProducerRecord<String, String> record = PublishedSchemas.record(schema);
            write(user, record.topic(), record.key(), record.value());
            published.put(user, schema);
        }

        for (String reader : Stream.concat(SCHEMA_USERS.stream(), Stream.of(REPLAY)).toList()) {
            try (KafkaSchemaStore store = KafkaSchemaStore.start(settings(reader).consumer(broker.bootstrapServers()), WAIT)) {
                published.forEach((writer, schema) -> assertThat(store.findByFingerprint(SchemaNormalization.parsingFingerprint64(schema)))
                        .as(reader + " resolving the schema " + writer + " published").isEqualTo(schema));
            }
        }
        assertRefusedWriting(REPLAY, SCHEMAS);
    }

    // --- the dead-letter replay ---------------------------------------------------------------

    /**
     * platform's DeadLetterReplay under its own user puts a dead letter back on its topic, in a
     * transaction that moves its group's position, and a second run replays nothing.
     */
    @Test
    void theDeadLetterReplayPutsADeadLetterBackOnItsTopic() throws Exception {
        String run = UUID.randomUUID().toString();
        String key = "replayed-" + run;
        byte[] event = EventCodec.instance().encode(new ExerciseClock(new EventMetadata("event-" + run, Instant.now(), "test", run),
                run, Instant.now(), Instant.now(), 0.0));
        // Given a dead letter of the exercise clock, as notification-service's recoverer writes one
        RecordMetadata deadLetter = writeDeadLetter(NOTIFICATION, CLOCKS, 1, 42L, key, event);
        String group = DeadLetterReplay.DEFAULT_GROUP + "-" + run;
        DeadLetterReplay replay = new DeadLetterReplay(settings(REPLAY).admin(broker.bootstrapServers()), group);

        // When the replay runs, and once more
        DeadLetterReplay.Outcome first = replay.replay(CLOCKS, null, false);
        DeadLetterReplay.Outcome second = replay.replay(CLOCKS, null, false);

        // Then the record is back on its topic and partition, once
        assertThat(first.replayed()).extracting(replayed -> replayed.letter().key(), DeadLetterReplay.Replayed::toTopic,
                DeadLetterReplay.Replayed::toPartition).containsExactly(tuple(key, CLOCKS, 1));
        assertThat(first.replayed().get(0).letter().offset()).isEqualTo(deadLetter.offset());
        assertThat(second.replayed()).isEmpty();
        assertThat(readAsAdmin(CLOCKS, key)).hasSize(1);
    }

    /**
     * The replay reads dead letters and schemas only: no catalogue topic, nothing under a
     * service's group, and it takes no service's transactional id.
     */
    @Test
    void theDeadLetterReplayReadsNoEventTopicAndActsUnderNoServicesGroup() {
        for (Topics.Topic topic : Topics.ALL) {
            assertThatThrownBy(() -> readWithoutGroup(REPLAY, topic.name(), "marker")).as(topic.name())
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        assertThatThrownBy(() -> read(REPLAY, "notification-service-lifecycle", dlq(ALERTS), "marker"))
                .isInstanceOf(GroupAuthorizationException.class);
        Map<String, Object> properties = settings(REPLAY).producer(broker.bootstrapServers());
        properties.put("transactional.id", "notification-service-fanout-" + UUID.randomUUID() + "-1");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    // --- Kafka Streams -----------------------------------------------------------------------

    /**
     * Each Kafka Streams application, under its service's user and with exactly_once_v2, reads its
     * inputs and global tables, creates and uses a repartition topic and a changelog, commits in
     * transactions and writes its outputs: what the application ids' group, internal-topic and
     * transactional-id ACLs are for.
     */
    @Test
    void everyKafkaStreamsApplicationRunsUnderItsServicesAcls() throws Exception {
        String run = UUID.randomUUID().toString();
        String probe = "probe-" + run;
        for (StreamsApplication application : APPLICATIONS) {
            String input = application.inputs().get(0);
            write(publisherOf(input), input, application.id() + "/" + run, probe);
        }

        List<RunningApplication> running = new ArrayList<>();
        try {
            for (StreamsApplication application : APPLICATIONS) {
                running.add(application.start(broker.bootstrapServers()));
            }
            for (RunningApplication application : running) {
                application.awaitCounted(application.definition().id() + "/" + run, WAIT);
            }

            for (RunningApplication application : running) {
                StreamsApplication definition = application.definition();
                String key = definition.id() + "/" + run;
                assertThat(application.counts()).as(definition.id()).containsEntry(key, 1L);
                for (String output : definition.outputs()) {
                    // lifecycle writes alert events, its own input: the probe itself is there too
                    assertThat(readAsAdmin(output, key)).as(definition.id() + " → " + output)
                            .filteredOn(value -> value.startsWith("echo:"))
                            .containsExactly("echo:" + probe);
                }
            }
        } finally {
            running.forEach(RunningApplication::close);
        }

        try (Admin admin = Admin.create(broker.adminProperties())) {
            Set<String> topics = admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            for (StreamsApplication application : APPLICATIONS) {
                assertThat(topics).contains(application.id() + "-probe-repartition", application.id() + "-probe-counts-changelog");
            }
        }
        for (StreamsApplication application : APPLICATIONS) {
            try (Admin admin = Admin.create(settings(application.service()).admin(broker.bootstrapServers()))) {
                // Kafka Streams purges consumed repartition records with deleteRecords.
                admin.deleteRecords(Map.of(new TopicPartition(application.id() + "-probe-repartition", 0),
                        RecordsToDelete.beforeOffset(0))).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    record StreamsApplication(String service, String id, List<String> inputs, List<String> globalTables, List<String> outputs) {

        /**
         * A stand-in topology with what the service's real one needs from Kafka: its inputs as a
         * stream, its global tables, a repartition (group by key) into a counting store, and an
         * echo of every probe record to each output topic.
         */
        RunningApplication start(String bootstrapServers) throws IOException {
            StreamsBuilder builder = new StreamsBuilder();
            for (String table : globalTables) {
                builder.globalTable(table, Consumed.with(Serdes.String(), Serdes.String()),
                        Materialized.<String, String>as(Stores.inMemoryKeyValueStore("global-" + table)));
            }
            Map<String, Long> counts = new ConcurrentHashMap<>();
            KStream<String, String> probes = builder.stream(inputs, Consumed.with(Serdes.String(), Serdes.String()))
                    .filter((key, value) -> value != null && value.startsWith("probe-"));
            probes.groupBy((key, value) -> key, Grouped.with("probe", Serdes.String(), Serdes.String()))
                    .count(Materialized.<String, Long>as(Stores.inMemoryKeyValueStore("probe-counts")))
                    .toStream()
                    .foreach(counts::put);
            for (String output : outputs) {
                probes.mapValues(value -> "echo:" + value).to(output, Produced.with(Serdes.String(), Serdes.String()));
            }

            Path stateDir = Files.createTempDirectory("kafka-acl-test-" + id);
            Properties properties = settings(service).streams(bootstrapServers, id);
            properties.put("processing.guarantee", "exactly_once_v2");
            properties.put("commit.interval.ms", "100");
            properties.put("statestore.cache.max.bytes", "0");
            properties.put("repartition.purge.interval.ms", "100");
            properties.put("num.stream.threads", "1");
            properties.put("replication.factor", "1");
            properties.put("state.dir", stateDir.toString());
            KafkaStreams streams = new KafkaStreams(builder.build(), properties);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            streams.setUncaughtExceptionHandler(exception -> {
                failure.compareAndSet(null, exception);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.start();
            return new RunningApplication(this, streams, counts, failure);
        }
    }

    record RunningApplication(StreamsApplication definition, KafkaStreams streams, Map<String, Long> counts,
            AtomicReference<Throwable> failure) implements AutoCloseable {

        void awaitCounted(String key, Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            while (!counts.containsKey(key)) {
                KafkaStreams.State state = streams.state();
                if (failure.get() != null || state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                        || state == KafkaStreams.State.NOT_RUNNING) {
                    fail(definition.id() + " stopped in state " + state, failure.get());
                }
                if (Instant.now().isAfter(deadline)) {
                    fail(definition.id() + " did not count " + key + " within " + timeout + "; state " + state, failure.get());
                }
                sleep(100);
            }
        }

        @Override
        public void close() {
            streams.close(Duration.ofSeconds(10));
            streams.cleanUp();
        }
    }

    static String dlq(String topic) {
        return Topics.deadLettersOf(topic).name();
    }

    static NewTopic catalogueTopic(String name) {
        Topics.Topic topic = Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTERS.stream())
                .filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
        // As platform's TopicProvisioning builds them, with 2 partitions and one replica.
        return TopicBuilder.name(topic.name()).partitions(2).replicas(1)
                .configs(topic.compacted()
                        ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                        : Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1")
                .build();
    }

    /** schemas.v1 as platform's SchemaTopicConfiguration builds it: one partition, compacted (one replica here). */
    static NewTopic schemaTopic() {
        return TopicBuilder.name(SCHEMAS).partitions(1).replicas(1).compact()
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1")
                .build();
    }

    /** A user that publishes the topic (a service, else exercise-service): who writes its first records here. */
    static String publisherOf(String topic) {
        return Stream.of(INCIDENT, NOTIFICATION, TRUST, EXERCISE).filter(user -> WRITES.get(user).contains(topic)).findFirst()
                .orElseThrow();
    }

    /**
     * A dead letter of {@code topic} as the binder's recoverer writes it, as {@code service}: the
     * value bytes and key, the original partition and offset in spring-kafka's headers.
     */
    static RecordMetadata writeDeadLetter(String service, String topic, int partition, long offset, String key, byte[] value)
            throws Exception {
        Map<String, Object> properties = settings(service).producer(broker.bootstrapServers());
        properties.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        properties.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlq(topic), partition, key.getBytes(StandardCharsets.UTF_8), value);
        record.headers()
                .add(KafkaHeaders.DLT_ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array())
                .add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset).array())
                .add(KafkaHeaders.DLT_EXCEPTION_FQCN, "org.entente.schemas.UnknownSchemaException".getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "unknown schema fingerprint".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            return producer.send(record).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    static Map<String, String> saslVariables(String user, String password) {
        return Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", user,
                "KAFKA_SASL_PASSWORD", password);
    }

    static SecuritySettings settings(String service) {
        return SecuritySettings.resolve(saslVariables(service, passwords.get(service)));
    }

    static KafkaAdmin kafkaAdmin(String service) {
        KafkaAdmin admin = new KafkaAdmin(settings(service).admin(broker.bootstrapServers()));
        admin.setFatalIfBrokerNotAvailable(true);
        admin.setOperationTimeout((int) WAIT.toSeconds());
        return admin;
    }

    static void awaitAuthenticated(String service) {
        // A new SCRAM credential takes a moment to reach the broker's credential cache.
        Instant deadline = Instant.now().plus(WAIT);
        Throwable last;
        do {
            last = settings(service).clusterIdFailure(broker.bootstrapServers(), 3000);
            if (last == null) {
                return;
            }
            sleep(200);
        } while (Instant.now().isBefore(deadline));
        fail(service + " could not authenticate within " + WAIT, last);
    }


    static RecordMetadata write(String service, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings(service).producer(broker.bootstrapServers()))) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Why the service could not write to the topic, or null once the broker acknowledged. */
    static Throwable writeFailure(String service, String topic) {
        try {
            write(service, topic, "write-check", service);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    static void assertRefusedWriting(String service, String topic) {
        Throwable failure = writeFailure(service, topic);

        assertThat(failure).isInstanceOf(TopicAuthorizationException.class);
        assertThat(((TopicAuthorizationException) failure).unauthorizedTopics()).containsExactly(topic);
    }

    /**
     * The values under {@code key} in the whole topic, read as the service in the group (assigned
     * partitions, from the beginning to the end), committing the position as its consumer does.
     */
    static List<String> read(String service, String group, String topic, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings(service).consumer(broker.bootstrapServers(), group))) {
            return readAll(consumer, topic, key, true);
        }
    }

    /** The same, read as exercise-service's replay reads: assigned partitions, no group, nothing committed. */
    static List<String> readWithoutGroup(String user, String topic, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings(user).consumer(broker.bootstrapServers()))) {
            return readAll(consumer, topic, key, false);
        }
    }

    static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    static List<String> readAsAdmin(String topic, String key) {
        Map<String, Object> properties = new HashMap<>(broker.adminProperties());
        properties.put("isolation.level", "read_committed");
        properties.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        properties.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            return readAll(consumer, topic, key, false);
        }
    }

    private static List<String> readAll(KafkaConsumer<String, String> consumer, String topic, String key, boolean commit) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WAIT);
        List<String> values = new ArrayList<>();
        Instant deadline = Instant.now().plus(WAIT);
        while (!reached(consumer, ends)) {
            if (Instant.now().isAfter(deadline)) {
                fail("did not read " + topic + " to its end " + ends + " within " + WAIT);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (key.equals(record.key())) {
                    values.add(record.value());
                }
            }
        }
        if (commit) {
            consumer.commitSync(WAIT);
        }
        return values;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), WAIT) >= end.getValue());
    }

    private static Map<String, Set<String>> sorted(Map<String, Set<String>> map) {
        Map<String, Set<String>> sorted = new TreeMap<>();
        map.forEach((name, values) -> sorted.put(name, new TreeSet<>(values)));
        return sorted;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
