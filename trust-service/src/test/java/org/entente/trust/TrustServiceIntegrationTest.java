package org.entente.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.events.CommitmentKind.ACKNOWLEDGE;
import static org.entente.events.CommitmentKind.FINAL_REPORT;
import static org.entente.events.CommitmentKind.INITIAL_ASSESSMENT;
import static org.entente.events.CommitmentResult.HONOURED;
import static org.entente.events.CommitmentResult.LATE;
import static org.entente.events.CommitmentResult.MISSED;
import static org.entente.testing.AccessMatrix.hubOrStates;
import static org.entente.testing.AccessMatrix.onlyRoles;
import static org.entente.trust.OutcomeEvents.inExercise;
import static org.entente.trust.OutcomeEvents.outcome;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.CommitmentResult;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.EventMetadata;
import org.entente.schemas.EventCodec;
import org.entente.schemas.EventSerializer;
import org.entente.schemas.Topics;
import org.entente.testing.AccessMatrix;
import org.entente.testing.AccessMatrix.Rule;
import org.entente.testing.DeadLetter;
import org.entente.testing.KafkaTestBroker;
import org.entente.testing.ManagementPort;
import org.entente.testing.ReferenceStates;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.entente.testing.WithReferenceStates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole service against a real broker: outcomes go to the real topic, figures come out of the
 * API and the Prometheus scrape. Given, for every test: EE owes six commitments of real traffic
 * (one issued 40 days ago), FI one, LV one; an exercise outcome for EE, a replay of EE's
 * partition, an undecodable record, a record of an unknown schema and Finland's outcome keyed by
 * EE are on the topic too: the last three are dead letters. The registered states are
 * {@link ReferenceStates#CODES}; ZZ is none. Percentiles come from tallies bucketed as an HdrHistogram of 3
 * significant digits: the top of the slot that holds the nearest-rank value, so 30,000 ms reads
 * 30,015, 60,000 reads 60,031, 120,000 reads 120,063, 600,000 reads 600,063 and 900,000 reads
 * 900,095 (slots 16 to 512 ms wide there, under 0.1% of the value).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TrustServiceApplication.CONFIG_NAME)
@ActiveProfiles("test")
@WithKafkaBroker
@WithReferenceStates
@AutoConfigureRestTestClient
class TrustServiceIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String NORDIC = "AGR-NORDIC";
    private static final String BALTIC = "AGR-BALTIC";

    /** In topic order: what EE's partition holds before it is replayed. */
    private static final List<CommitmentOutcomeRecorded> EE_PARTITION = List.of(
            outcome("A1", ACKNOWLEDGE, "FI", "EE", NORDIC, HONOURED, daysAgo(2), 60_000L),
            inExercise(outcome("X1", ACKNOWLEDGE, "FI", "EE", NORDIC, MISSED, daysAgo(1), null), "EX-1"),
            outcome("A1", INITIAL_ASSESSMENT, "FI", "EE", NORDIC, HONOURED, daysAgo(2), 3_600_000L),
            outcome("A2", ACKNOWLEDGE, "LV", "EE", BALTIC, LATE, daysAgo(5), 900_000L),
            outcome("A2", FINAL_REPORT, "LV", "EE", BALTIC, MISSED, daysAgo(5), null),
            outcome("A3", ACKNOWLEDGE, "FI", "EE", NORDIC, HONOURED, daysAgo(40), 120_000L));
    private static final CommitmentOutcomeRecorded FI_MISSED =
            outcome("A4", ACKNOWLEDGE, "EE", "FI", NORDIC, MISSED, daysAgo(1), null);
    private static final CommitmentOutcomeRecorded LV_HONOURED =
            outcome("A5", ACKNOWLEDGE, "EE", "LV", BALTIC, HONOURED, daysAgo(3), 30_000L);
    /** Poison in EE's partition: not an event, an event of an unknown schema, and Finland's outcome filed under EE. */
    private static final byte[] NOT_AN_EVENT = "not an event".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNKNOWN_SCHEMA = {(byte) 0xC3, 0x01, (byte) 0x81, 0x70, 0x6f, 0x5e, 0x4d, 0x3c, 0x2b, 0x1a, 0x02, 0x00};
    private static final CommitmentOutcomeRecorded FI_UNDER_EE =
            outcome("A9", ACKNOWLEDGE, "EE", "FI", NORDIC, HONOURED, daysAgo(1), 10_000L);
    private static RecordMetadata notAnEvent;
    private static RecordMetadata unknownSchema;
    private static RecordMetadata misfiled;
    private static RecordMetadata eeLast;
    /** Written last: once it counts, everything before it in EE's partition was processed. */
    private static final CommitmentOutcomeRecorded EE_LAST =
            outcome("A6", INITIAL_ASSESSMENT, "LV", "EE", BALTIC, LATE, daysAgo(4), 7_200_000L);

    /** Estonia's point of contact answered one communication check in 10 minutes and missed one; never counted as a commitment. */
    private static final List<CommunicationCheckOutcomeRecorded> EE_CHECKS = List.of(
            check("C1", "EE", HONOURED, daysAgo(40), 600_000L),
            check("C2", "EE", MISSED, daysAgo(3), null));

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    private RestTestClient client;

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private BindingsLifecycleController bindings;

    private static final String OUTCOMES = Topics.COMMITMENT_OUTCOMES.name();
    private static final String DEAD_LETTERS = Topics.COMMITMENT_OUTCOMES.deadLetters().name();
    private static final Map<String, Double> ONE_OF_EACH = Map.of("undecodable", 1.0, "unknown-schema", 1.0, "invalid", 1.0);

    /** Runs after the broker extension and loads the context, so the catalogue topics exist. */
    @BeforeAll
    static void publishOutcomes(@Autowired RestTestClient client) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, CommitmentOutcomeRecorded> events =
                        new KafkaProducer<>(producerConfig(), new StringSerializer(), new EventSerializer<>());
                KafkaProducer<String, CommunicationCheckOutcomeRecorded> checks =
                        new KafkaProducer<>(producerConfig(), new StringSerializer(), new EventSerializer<>());
                KafkaProducer<String, byte[]> garbage =
                        new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            for (CommitmentOutcomeRecorded outcome : EE_PARTITION) {
                send(events, outcome);
            }
            send(events, FI_MISSED);
            send(events, LV_HONOURED);
            for (CommitmentOutcomeRecorded outcome : EE_PARTITION) {
                send(events, outcome);
            }
            notAnEvent = garbage.send(new ProducerRecord<>(Topics.COMMITMENT_OUTCOMES.name(), "EE", NOT_AN_EVENT)).get();
            unknownSchema = garbage.send(new ProducerRecord<>(Topics.COMMITMENT_OUTCOMES.name(), "EE", UNKNOWN_SCHEMA)).get();
            misfiled = events.send(new ProducerRecord<>(Topics.COMMITMENT_OUTCOMES.name(), "EE", FI_UNDER_EE)).get();
            for (CommunicationCheckOutcomeRecorded check : EE_CHECKS) {
                checks.send(new ProducerRecord<>(Topics.COMMUNICATION_CHECKS.name(), check.getRecipientState(), check)).get();
            }
            eeLast = send(events, EE_LAST);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get(client, "/communication-checks/EE", "operator").expectStatus().isOk()
                        .expectBody().jsonPath("$.figures.total").isEqualTo(2));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> get(client, "/states/EE", "operator")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.figures.late").isEqualTo(2));
    }

    @Test
    void shouldGiveOperatorTheFiguresOfEveryState() {
        get("/states", "operator").expectStatus().isOk().expectBody().json("""
                {"window": "all", "states": {"EE": %s, "FI": %s, "LV": %s}}"""
                .formatted(figures(3, 2, 1, 0.5, 120_063L, 900_095L), figures(0, 0, 1, 0.0, null, null),
                        figures(1, 0, 0, 1.0, 30_015L, 30_015L)), JsonCompareMode.STRICT);
    }

    @Test
    void shouldGiveCommunicationChecksAsAFigureOfTheirOwn() {
        get("/communication-checks", "operator").expectStatus().isOk().expectBody().json("""
                {"window": "all", "states": {"EE": %s}}""".formatted(figures(1, 0, 1, 0.5, 600_063L, 600_063L)),
                JsonCompareMode.STRICT);
        get("/communication-checks/EE?window=30d", "poc-ee").expectStatus().isOk().expectBody().json("""
                {"window": "30d", "state": "EE", "figures": %s}""".formatted(figures(0, 0, 1, 0.0, null, null)),
                JsonCompareMode.STRICT);
    }

    @Test
    void shouldCountAReplayedPartitionOnce() {
        get("/states/EE", "coordinator").expectStatus().isOk().expectBody().json("""
                {"window": "all", "state": "EE", "figures": %s}"""
                .formatted(figures(3, 2, 1, 0.5, 120_063L, 900_095L)), JsonCompareMode.STRICT);
    }

    @Test
    void shouldLeaveAlertsIssuedMoreThan30DaysAgoOutOfThe30DayWindow() {
        get("/states/EE?window=30d", "poc-ee").expectStatus().isOk().expectBody().json("""
                {"window": "30d", "state": "EE", "figures": %s}"""
                .formatted(figures(2, 2, 1, 0.4, 60_031L, 900_095L)), JsonCompareMode.STRICT);
    }

    @Test
    void shouldGiveZeroCountsForAStateWithoutOutcomes() {
        get("/states/DK", "poc-dk").expectStatus().isOk().expectBody().json("""
                {"window": "all", "state": "DK", "figures": %s}"""
                .formatted(figures(0, 0, 0, null, null, null)), JsonCompareMode.STRICT);
    }

    @Test
    void shouldNotCountExerciseOutcomes() {
        get("/pairs/FI/EE", "poc-fi").expectStatus().isOk().expectBody().json("""
                {"window": "all", "from": "FI", "to": "EE", "figures": %s}"""
                .formatted(figures(3, 0, 0, 1.0, 60_031L, 120_063L)), JsonCompareMode.STRICT);
    }

    @Test
    void shouldGiveTheRecipientPointOfContactItsPairOver30Days() {
        get("/pairs/LV/EE?window=30d", "poc-ee").expectStatus().isOk().expectBody().json("""
                {"window": "30d", "from": "LV", "to": "EE", "figures": %s}"""
                .formatted(figures(0, 2, 1, 0.0, 900_095L, 900_095L)), JsonCompareMode.STRICT);
    }

    @Test
    void shouldGiveAgreementFiguresAcrossPairs() {
        get("/agreements/AGR-NORDIC", "operator").expectStatus().isOk().expectBody().json("""
                {"window": "all", "agreementId": "AGR-NORDIC", "figures": %s}"""
                .formatted(figures(3, 0, 1, 0.75, 60_031L, 120_063L)), JsonCompareMode.STRICT);
    }

    @Test
    void shouldGiveAgreementFiguresOver30Days() {
        get("/agreements/AGR-BALTIC?window=30d", "coordinator").expectStatus().isOk().expectBody().json("""
                {"window": "30d", "agreementId": "AGR-BALTIC", "figures": %s}"""
                .formatted(figures(1, 2, 1, 0.25, 30_015L, 900_095L)), JsonCompareMode.STRICT);
    }

    @Test
    void shouldRefuseAnUnknownWindowNamingTheParameter() {
        get("/agreements/AGR-NORDIC?window=7d", "operator").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(Map.of("field", "window", "message", "must be one of all, 30d")));
    }

    @Test
    void shouldRefuseAStateCodeThatIsNotIsoAlpha2() {
        get("/pairs/fi/EST", "operator").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "from", "message", "must be an ISO 3166-1 alpha-2 code such as EE"),
                        Map.of("field", "to", "message", "must be an ISO 3166-1 alpha-2 code such as EE")));
    }

    @Test
    void shouldRefuseAStateCodeThatIsNoRegisteredStateNamingIt() {
        // Given ZZ, a well-formed code that is not a registered state
        String unregistered = ReferenceStates.UNREGISTERED;

        // Then a path naming it is a bad request that names it, for every endpoint that takes a state
        for (String path : List.of("/states/ZZ", "/communication-checks/ZZ?window=30d")) {
            get(path, "operator").expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                            Map.of("field", "code", "message", unregistered + " is not a registered state")));
        }
        get("/pairs/EE/ZZ", "poc-ee").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "to", "message", unregistered + " is not a registered state")));
    }

    @Test
    void shouldRefuseATokenWhoseStateIsNoRegisteredState() {
        // When the point of contact of a state nobody registered asks for its own figures
        ReferenceStates.expectRefusedAsUnregistered(get("/states/ZZ", AccessMatrix.UNREGISTERED_POC));
    }

    @Test
    void shouldDeadLetterWhatItCannotCountWithTheReason() {
        int partition = eeLast.partition();
        List<DeadLetter> letters = DeadLetter.read(DEAD_LETTERS, partition, notAnEvent.offset(), eeLast.offset(), 3,
                Duration.ofSeconds(30)).stream().sorted(Comparator.comparingLong(DeadLetter::originalOffset)).toList();

        assertThat(letters).containsExactly(
                new DeadLetter(OUTCOMES, partition, notAnEvent.offset(), "org.entente.schemas.UndecodableEventException",
                        "not Avro single-object encoded", "EE", DeadLetter.hex(NOT_AN_EVENT), partition),
                new DeadLetter(OUTCOMES, partition, unknownSchema.offset(), "org.entente.schemas.UnknownSchemaException",
                        "unknown schema fingerprint 1a2b3c4d5e6f7081", "EE", DeadLetter.hex(UNKNOWN_SCHEMA), partition),
                new DeadLetter(OUTCOMES, partition, misfiled.offset(), "org.entente.schemas.InvalidEventException",
                        "key \"EE\" is not the event's recipientState \"FI\"", "EE",
                        DeadLetter.hex(EventCodec.instance().encode(FI_UNDER_EE)), partition));
        assertThat(deadLettersCounted()).isEqualTo(ONE_OF_EACH);
    }

    @Test
    void shouldReadNothingAgainAfterARestart() {
        bindings.stop("recordOutcomes-in-0");
        bindings.start("recordOutcomes-in-0");
        RecordMetadata marker;
        try (KafkaProducer<String, CommitmentOutcomeRecorded> events =
                new KafkaProducer<>(producerConfig(), new StringSerializer(), new EventSerializer<>())) {
            // an exercise outcome: read, never counted
            marker = send(events, inExercise(outcome("X2", ACKNOWLEDGE, "FI", "EE", NORDIC, MISSED, daysAgo(1), null), "EX-2"));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }

        TopicProbe.awaitCommittedPast("trust-service", marker, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/states/EE", "operator").expectStatus().isOk()
                .expectBody().json("""
                        {"window": "all", "state": "EE", "figures": %s}"""
                        .formatted(figures(3, 2, 1, 0.5, 120_063L, 900_095L)), JsonCompareMode.STRICT));
        assertThat(DeadLetter.readToEnd(DEAD_LETTERS, eeLast.partition(), notAnEvent.offset(), marker.offset())).hasSize(3);
        assertThat(deadLettersCounted()).isEqualTo(ONE_OF_EACH);
    }

    private Map<String, Double> deadLettersCounted() {
        return meters.find("entente.dlq.records").tag("topic", OUTCOMES).counters().stream()
                .filter(counter -> counter.count() > 0)
                .collect(Collectors.toMap(counter -> counter.getId().getTag("reason"), Counter::count));
    }

    List<Rule> accessRules() {
        List<String> hub = List.of("operator", "coordinator");
        return Stream.concat(Stream.of(
                new Rule("GET /api/v1/trust/states", http -> http.get().uri("/api/v1/trust/states"),
                        onlyRoles(200, "operator", "coordinator")),
                new Rule("GET /api/v1/trust/states/{code}", http -> http.get().uri("/api/v1/trust/states/EE"),
                        hubOrStates(200, hub, "EE")),
                new Rule("GET /api/v1/trust/pairs/{from}/{to}", http -> http.get().uri("/api/v1/trust/pairs/FI/EE"),
                        hubOrStates(200, hub, "FI", "EE")),
                new Rule("GET /api/v1/trust/agreements/{agreementId}", http -> http.get().uri("/api/v1/trust/agreements/" + NORDIC),
                        onlyRoles(200, "operator", "coordinator")),
                new Rule("GET /api/v1/trust/communication-checks", http -> http.get().uri("/api/v1/trust/communication-checks"),
                        onlyRoles(200, "operator", "coordinator")),
                new Rule("GET /api/v1/trust/communication-checks/{code}",
                        http -> http.get().uri("/api/v1/trust/communication-checks/EE"), hubOrStates(200, hub, "EE"))),
                AccessMatrix.apiDocs().stream()).toList();
    }

    @Test
    void shouldHaveAnAccessRuleForEveryEndpoint() {
        assertThat(accessRules().stream().map(Rule::endpoint).collect(Collectors.toSet()))
                .isEqualTo(AccessMatrix.endpointsOf(context));
    }

    @TestFactory
    Stream<DynamicTest> shouldLetOnlyCallersEntitledToTheFiguresReadThem() {
        return AccessMatrix.tests(client, accessRules());
    }

    @Test
    void shouldExposeAllTimeFiguresOfEveryStateAsGauges() {
        List<String> expected = List.of(
                "entente_trust_acknowledge_p50_seconds{application=\"trust-service\",state=\"EE\"} 120.063",
                "entente_trust_acknowledge_p50_seconds{application=\"trust-service\",state=\"LV\"} 30.015",
                "entente_trust_acknowledge_p90_seconds{application=\"trust-service\",state=\"EE\"} 900.095",
                "entente_trust_acknowledge_p90_seconds{application=\"trust-service\",state=\"LV\"} 30.015",
                "entente_trust_commitments{application=\"trust-service\",result=\"honoured\",state=\"EE\"} 3.0",
                "entente_trust_commitments{application=\"trust-service\",result=\"honoured\",state=\"FI\"} 0.0",
                "entente_trust_commitments{application=\"trust-service\",result=\"honoured\",state=\"LV\"} 1.0",
                "entente_trust_commitments{application=\"trust-service\",result=\"late\",state=\"EE\"} 2.0",
                "entente_trust_commitments{application=\"trust-service\",result=\"late\",state=\"FI\"} 0.0",
                "entente_trust_commitments{application=\"trust-service\",result=\"late\",state=\"LV\"} 0.0",
                "entente_trust_commitments{application=\"trust-service\",result=\"missed\",state=\"EE\"} 1.0",
                "entente_trust_commitments{application=\"trust-service\",result=\"missed\",state=\"FI\"} 1.0",
                "entente_trust_commitments{application=\"trust-service\",result=\"missed\",state=\"LV\"} 0.0",
                "entente_trust_communication_checks_honoured_ratio{application=\"trust-service\",state=\"EE\"} 0.5",
                "entente_trust_communication_checks_response_p50_seconds{application=\"trust-service\",state=\"EE\"} 600.063",
                "entente_trust_communication_checks_response_p90_seconds{application=\"trust-service\",state=\"EE\"} 600.063",
                "entente_trust_communication_checks{application=\"trust-service\",result=\"honoured\",state=\"EE\"} 1.0",
                "entente_trust_communication_checks{application=\"trust-service\",result=\"late\",state=\"EE\"} 0.0",
                "entente_trust_communication_checks{application=\"trust-service\",result=\"missed\",state=\"EE\"} 1.0",
                "entente_trust_honoured_ratio{application=\"trust-service\",state=\"EE\"} 0.5",
                "entente_trust_honoured_ratio{application=\"trust-service\",state=\"FI\"} 0.0",
                "entente_trust_honoured_ratio{application=\"trust-service\",state=\"LV\"} 1.0");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(trustSeries()).isEqualTo(expected));
    }

    @Test
    void shouldBeReadyOnceTheStreamRuns() {
        client.get().uri("/readyz").exchange().expectStatus().isOk()
                .expectBody().json("{\"status\": \"UP\"}", JsonCompareMode.STRICT);
    }

    @Test
    void shouldServeMetricsAndHealthDetailsOnTheManagementPortOnly() {
        new ManagementPort(port, managementPort).assertActuatorOnlyOnManagementPort();
    }

    private List<String> trustSeries() {
        return new ManagementPort(port, managementPort).scrape().lines().filter(line -> line.startsWith("entente_trust_")).sorted()
                .toList();
    }

    private RestTestClient.ResponseSpec get(String path, String token) {
        return get(client, path, token);
    }

    private static RestTestClient.ResponseSpec get(RestTestClient client, String path, String token) {
        return client.get().uri("/api/v1/trust" + path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .exchange();
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
    }

    private static RecordMetadata send(KafkaProducer<String, CommitmentOutcomeRecorded> producer, CommitmentOutcomeRecorded outcome)
            throws InterruptedException, ExecutionException {
        return producer.send(new ProducerRecord<>(Topics.COMMITMENT_OUTCOMES.name(), outcome.getRecipientState(), outcome)).get();
    }

    private static String figures(long honoured, long late, long missed, Double ratio, Long p50, Long p90) {
        return """
                {"honoured": %d, "late": %d, "missed": %d, "total": %d, "honouredRatio": %s,
                 "acknowledgeP50Millis": %s, "acknowledgeP90Millis": %s}"""
                .formatted(honoured, late, missed, honoured + late + missed, ratio, p50, p90);
    }

    private static CommunicationCheckOutcomeRecorded check(String checkId, String state, CommitmentResult result, Instant sentAt,
            Long responseMillis) {
        return new CommunicationCheckOutcomeRecorded(new EventMetadata("event-" + checkId, sentAt, "notification-service", null),
                checkId, state, state.toLowerCase() + "-duty", sentAt, sentAt.plus(Duration.ofHours(2)), result,
                responseMillis == null ? null : sentAt.plusMillis(responseMillis), responseMillis == null ? null : "poc",
                responseMillis);
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }
}
