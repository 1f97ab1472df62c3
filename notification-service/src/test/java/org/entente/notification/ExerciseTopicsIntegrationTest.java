package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertIssued;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.notification.routing.AlertComposer;
import org.entente.schemas.EventCodec;
import org.entente.schemas.Topics;
import org.entente.testing.DeadLetter;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * An exercise replay writes its incidents on {@code exercise.incidents.v1} and its scripted
 * answers on {@code exercise.answers.v1}, never on the live topics; the fan-out and the lifecycle
 * read each beside its live counterpart and take from it only its own world's traffic: an
 * exercise's incident on the live topic, or a real one on the exercise's, is a dead letter, and
 * from the exercise answers only an acknowledgement under an exercise id of an alert of that same
 * exercise counts, and goes on to the alert events. Shares the context of {@link IncidentUpdateFanOutIntegrationTest}; its
 * incidents are reported on a day no other test uses.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = {NotificationServiceApplication.class, NotificationPipelineIntegrationTest.ClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=src/test/resources/reference-data-test.yml"})
class ExerciseTopicsIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String FAN_OUT = "notification-service-fanout";
    static final String LIFECYCLE = "notification-service-lifecycle";
    static final Instant REPORTED_AT = Instant.parse("2026-07-06T07:00:00Z");
    static final String INVALID = "org.entente.schemas.InvalidEventException";

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/readyz").exchange().expectStatus().isOk());
    }

    @Test
    void shouldDeadLetterAnExercisesIncidentOnTheLiveIncidentTopic() {
        // Given an exercise's incident, written to the live incident topic
        String exercise = exercise();
        IncidentReported incident = incident(exercise);

        // When the fan-out reads it
        RecordMetadata written = TopicProbe.write(Topics.INCIDENTS.name(), incident.getIncidentId(), incident);

        // Then it is a dead letter with the reason, and alerts nobody
        assertThat(deadLetter(Topics.INCIDENTS, written)).containsExactly(new DeadLetter(Topics.INCIDENTS.name(), written.partition(),
                written.offset(), INVALID, "incident " + incident.getIncidentId() + " on incident.events.v1 belongs to exercise "
                        + exercise + ": exercises' incidents travel on exercise.incidents.v1",
                incident.getIncidentId(), DeadLetter.hex(EventCodec.instance().encode(incident)), written.partition()));
        assertThat(alertsOnceFannedOutPast(incident, written)).isEmpty();
    }

    @Test
    void shouldDeadLetterAnIncidentWithoutAnExerciseIdOnTheExerciseIncidentTopic() {
        // Given a real incident, written to the exercise incident topic
        IncidentReported incident = incident(null);

        // When the fan-out reads it
        RecordMetadata written = TopicProbe.write(Topics.EXERCISE_INCIDENTS.name(), incident.getIncidentId(), incident);

        // Then it is a dead letter on that topic's dead-letter topic, and alerts nobody
        assertThat(deadLetter(Topics.EXERCISE_INCIDENTS, written)).containsExactly(new DeadLetter(Topics.EXERCISE_INCIDENTS.name(),
                written.partition(), written.offset(), INVALID, "incident " + incident.getIncidentId()
                        + " on exercise.incidents.v1 has no exercise id: only exercises' incidents travel there",
                incident.getIncidentId(), DeadLetter.hex(EventCodec.instance().encode(incident)), written.partition()));
        assertThat(alertsOnceFannedOutPast(incident, written)).isEmpty();
    }

    @Test
    void shouldRouteAnExercisesIncidentFromTheExerciseIncidentTopic() {
        // Given an exercise's incident on the exercise incident topic
        String exercise = exercise();

        // When the fan-out routes it
        IncidentReported incident = reported(exercise);

        // Then baltic-energy's partners get an alert each, of the exercise
        assertThat(alertsIssued(incident, 3)).extracting(AlertIssued::getRecipientState, alert -> alert.getMetadata().getExerciseId())
                .containsExactly(tuple("FI", exercise), tuple("LT", exercise), tuple("LV", exercise));
        await().atMost(WAIT).untilAsserted(() -> alertOfFinland(incident).expectStatus().isOk().expectBody()
                .jsonPath("$.exercise").isEqualTo(true)
                .jsonPath("$.status").isEqualTo("delivered"));
    }

    @Test
    void shouldAcknowledgeAnExerciseAlertWithTheExercisesAnswer() {
        // Given an exercise alert in Finland's inbox
        String exercise = exercise();
        IncidentReported incident = reported(exercise);
        awaitInFinlandsInbox(incident);

        // When the exercise's scripted answer acknowledges it
        AlertAcknowledged answer = acknowledgement(incident, exercise);
        RecordMetadata answered = TopicProbe.write(Topics.EXERCISE_ANSWERS.name(), "FI", answer);

        // Then it is acknowledged, and the answer is on the alert events, once, as if given through the inbox
        await().atMost(WAIT).untilAsserted(() -> alertOfFinland(incident).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("acknowledged"));
        TopicProbe.awaitCommittedPast(LIFECYCLE, answered, WAIT);
        assertThat(TopicProbe.readToEnd(Topics.ALERTS.name(), record -> record.value() instanceof AlertAcknowledged acknowledged
                && acknowledged.getAlertId().equals(answer.getAlertId())))
                .extracting(ConsumerRecord::key, ConsumerRecord::value).containsExactly(tuple("FI", answer));
    }

    @Test
    void shouldDeadLetterAnExerciseAnswerToALiveAlertAndLeaveTheAlertUnacknowledged() {
        // Given a real alert in Finland's inbox
        IncidentReported incident = reported(null);
        awaitInFinlandsInbox(incident);

        // When an exercise's answer to it comes on the exercise answers' topic
        AlertAcknowledged answer = acknowledgement(incident, exercise());
        RecordMetadata written = TopicProbe.write(Topics.EXERCISE_ANSWERS.name(), "FI", answer);

        // Then it is a dead letter, and the alert is not acknowledged
        assertThat(deadLetter(Topics.EXERCISE_ANSWERS, written)).containsExactly(answerDeadLetter(written, answer, INVALID,
                "alert " + answer.getAlertId() + " belongs to real traffic, the answer to exercise " + answer.getMetadata().getExerciseId()));
        assertUnacknowledged(incident);
    }

    @Test
    void shouldTakeNothingButTheExercisesAcknowledgementsFromTheExerciseAnswers() {
        // Given an exercise alert in Finland's inbox
        String exercise = exercise();
        IncidentReported incident = reported(exercise);
        awaitInFinlandsInbox(incident);
        ConsumerRecord<String, SpecificRecord> issued = TopicProbe.read(Topics.ALERTS.name(),
                record -> record.value() instanceof AlertIssued alert && alert.getAlertId().equals(alertIdOfFinland(incident)),
                found -> !found.isEmpty(), WAIT).get(0);

        // When the exercise answers' topic brings the alert itself, signature and all, an acknowledgement without an
        // exercise id and one of another exercise
        ProducerRecord<String, SpecificRecord> copied = new ProducerRecord<>(Topics.EXERCISE_ANSWERS.name(), null, issued.key(),
                issued.value(), issued.headers());
        RecordMetadata alert = TopicProbe.write(copied);
        AlertAcknowledged unmarked = acknowledgement(incident, null);
        RecordMetadata withoutExercise = TopicProbe.write(Topics.EXERCISE_ANSWERS.name(), "FI", unmarked);
        AlertAcknowledged another = acknowledgement(incident, exercise());
        RecordMetadata ofAnother = TopicProbe.write(Topics.EXERCISE_ANSWERS.name(), "FI", another);

        // Then each is a dead letter with its reason, and the alert is not acknowledged
        assertThat(deadLetter(Topics.EXERCISE_ANSWERS, alert)).containsExactly(new DeadLetter(Topics.EXERCISE_ANSWERS.name(),
                alert.partition(), alert.offset(), "org.entente.schemas.UnexpectedEventTypeException",
                "expected an AlertAcknowledged on exercise.answers.v1 but found AlertIssued", "FI",
                DeadLetter.hex(EventCodec.instance().encode(issued.value())), alert.partition()));
        assertThat(deadLetter(Topics.EXERCISE_ANSWERS, withoutExercise)).containsExactly(answerDeadLetter(withoutExercise, unmarked,
                INVALID, "acknowledgement of alert " + unmarked.getAlertId()
                        + " on exercise.answers.v1 has no exercise id: only exercises' answers travel there"));
        assertThat(deadLetter(Topics.EXERCISE_ANSWERS, ofAnother)).containsExactly(answerDeadLetter(ofAnother, another, INVALID,
                "alert " + another.getAlertId() + " belongs to exercise " + exercise + ", the answer to exercise "
                        + another.getMetadata().getExerciseId()));
        assertUnacknowledged(incident);
    }

    private void awaitInFinlandsInbox(IncidentReported incident) {
        await().atMost(WAIT).untilAsserted(() -> alertOfFinland(incident).expectStatus().isOk());
    }

    private void assertUnacknowledged(IncidentReported incident) {
        alertOfFinland(incident).expectStatus().isOk().expectBody()
                .jsonPath("$.status").value(String.class, status -> assertThat(status).isNotEqualTo("acknowledged"));
    }

    private RestTestClient.ResponseSpec alertOfFinland(IncidentReported incident) {
        return http.get().uri("/api/v1/alerts/" + alertIdOfFinland(incident)).header("Authorization", TestTokens.bearer("poc-fi"))
                .exchange();
    }

    private static String alertIdOfFinland(IncidentReported incident) {
        return AlertComposer.alertId(incident.getIncidentId(), "FI");
    }

    private static String exercise() {
        return "exercise-" + UUID.randomUUID();
    }

    /** The incident on its world's topic, once the fan-out has routed it to its three partners. */
    private static IncidentReported reported(String exercise) {
        IncidentReported incident = incident(exercise);
        Topics.Topic topic = exercise == null ? Topics.INCIDENTS : Topics.EXERCISE_INCIDENTS;
        TopicProbe.write(topic.name(), incident.getIncidentId(), incident);
        alertsIssued(incident, 3);
        return incident;
    }

    private static List<AlertIssued> alertsIssued(IncidentReported incident, int count) {
        return byRecipient(TopicProbe.read(Topics.ALERTS.name(), issuedFor(incident), found -> found.size() >= count, WAIT));
    }

    /** The incident's alerts once the fan-out has committed past the record: all it issued for it. */
    private static List<AlertIssued> alertsOnceFannedOutPast(IncidentReported incident, RecordMetadata written) {
        TopicProbe.awaitCommittedPast(FAN_OUT, written, WAIT);
        return byRecipient(TopicProbe.readToEnd(Topics.ALERTS.name(), issuedFor(incident)));
    }

    private static Predicate<ConsumerRecord<String, SpecificRecord>> issuedFor(IncidentReported incident) {
        return record -> record.value() instanceof AlertIssued alert && alert.getIncidentId().equals(incident.getIncidentId());
    }

    private static List<AlertIssued> byRecipient(List<ConsumerRecord<String, SpecificRecord>> issued) {
        return issued.stream()
                .map(record -> (AlertIssued) record.value())
                .sorted(Comparator.comparing(AlertIssued::getRecipientState))
                .toList();
    }

    private static List<DeadLetter> deadLetter(Topics.Topic topic, RecordMetadata written) {
        return DeadLetter.read(topic.deadLetters().name(), written.partition(), written.offset(), written.offset(), 1, WAIT);
    }

    private static DeadLetter answerDeadLetter(RecordMetadata written, AlertAcknowledged answer, String exceptionClass, String reason) {
        return new DeadLetter(Topics.EXERCISE_ANSWERS.name(), written.partition(), written.offset(), exceptionClass, reason, "FI",
                DeadLetter.hex(EventCodec.instance().encode(answer)), written.partition());
    }

    /** Finland's acknowledgement of its alert of the incident, ten minutes after the report, under the exercise id (or none). */
    private static AlertAcknowledged acknowledgement(IncidentReported incident, String exercise) {
        Instant at = REPORTED_AT.plus(Duration.ofMinutes(10));
        return AlertAcknowledged.newBuilder()
                .setMetadata(new EventMetadata("event-" + UUID.randomUUID(), at, "test", exercise))
                .setAlertId(alertIdOfFinland(incident))
                .setRecipientState("FI")
                .setAcknowledgedBy("fi-ncsc-duty")
                .setAcknowledgedAt(at)
                .build();
    }

    /** Estonia's AMBER energy incident, which baltic-energy shares with FI, LT and LV; of the exercise unless null. */
    private static IncidentReported incident(String exercise) {
        String id = "INC-" + UUID.randomUUID();
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("event-" + id, REPORTED_AT, "test", exercise))
                .setIncidentId(id)
                .setReportingState("EE")
                .setReporter("ee-poc")
                .setDetectedAt(REPORTED_AT.minusSeconds(600))
                .setReportedAt(REPORTED_AT)
                .setSector(Sector.ENERGY)
                .setIncidentClass(IncidentClass.AVAILABILITY)
                .setSeverity(Severity.HIGH)
                .setTlp(Tlp.AMBER)
                .setTitle("Substation control lost")
                .setSummary("Remote terminal units stopped answering.")
                .build();
    }
}
