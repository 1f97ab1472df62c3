package org.entente.notification.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.entente.events.Agreement;
import org.entente.events.AgreementStatus;
import org.entente.events.AlertIssued;
import org.entente.events.ChannelType;
import org.entente.events.Contact;
import org.entente.events.ContactChain;
import org.entente.events.DataCategory;
import org.entente.events.DeliveryChannel;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.StateProfile;
import org.entente.events.Tlp;
import org.entente.notification.NotificationPipelineIntegrationTest;
import org.entente.notification.NotificationServiceApplication;
import org.entente.notification.StoreNames;
import org.entente.schemas.EventCodec;
import org.entente.schemas.ExerciseKeys;
import org.entente.schemas.Topics;
import org.entente.testing.DeadLetter;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An exercise that brings its own reference data, on the exercise reference topics, is routed on
 * it, and only its own traffic is: notification-service admits the data to the reference topics
 * as it came (keys, value bytes, tombstones), an agreement published after the fan-out built its
 * reference snapshot takes effect for the next incident (the in-memory global tables count their
 * changes), and a real incident of the same kind does not see the exercise's agreement. What is
 * not an exercise's own (a live key, another exercise's value) is a dead letter and touches no
 * live data. Shares the context of {@link NotificationPipelineIntegrationTest}; the exercise's
 * keys keep its data out of the live reference data the other tests read, and its incidents are
 * reported on a day no other test uses.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = {NotificationServiceApplication.class, NotificationPipelineIntegrationTest.ClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=src/test/resources/reference-data-test.yml"})
class ExerciseReferenceIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant REPORTED_AT = Instant.parse("2026-08-21T07:00:00Z");

    @Test
    void shouldRouteAnExerciseOnItsOwnReferenceDataAndRealTrafficOnTheLiveData() {
        String exercise = "exercise-" + UUID.randomUUID();
        // The fan-out has routed before: its snapshot of the reference data is built
        IncidentReported first = incident("INC-" + UUID.randomUUID(), exercise);
        TopicProbe.write(Topics.EXERCISE_INCIDENTS.name(), first.getIncidentId(), first);
        TopicProbe.read(Topics.ALERTS.name(), record -> issuedFor(record, first.getIncidentId()), found -> !found.isEmpty(), WAIT);

        // When the exercise publishes a transport agreement between EE and a state of its own, XK
        writeReference(Topics.EXERCISE_STATES, exercise, "XK", StateProfile.newBuilder().setMetadata(metadata(exercise))
                .setCode("XK").setName("Exercise state").build());
        writeReference(Topics.EXERCISE_CONTACTS, exercise, "XK", ContactChain.newBuilder().setMetadata(metadata(exercise)).setStateCode("XK")
                .setContacts(List.of(new Contact("xk-duty", "Duty officer", List.of(new DeliveryChannel(ChannelType.INBOX, null)))))
                .build());
        writeReference(Topics.EXERCISE_AGREEMENTS, exercise, "ee-xk-transport", Agreement.newBuilder().setMetadata(metadata(exercise))
                .setAgreementId("ee-xk-transport").setVersion(1).setTitle("Exercise transport channel").setParties(List.of("EE", "XK"))
                .setSectors(List.of(Sector.TRANSPORT)).setIncidentClasses(List.of(IncidentClass.AVAILABILITY))
                .setMinimumSeverity(Severity.LOW).setMaxTlp(Tlp.AMBER).setDataCategories(List.of(DataCategory.OPERATIONAL))
                .setCommitments(List.of()).setValidFrom(REPORTED_AT.minus(Duration.ofDays(1))).setStatus(AgreementStatus.ACTIVE)
                .build());
        // and reports a transport incident saying how much reference data it brought
        IncidentReported exercised = transport(incident("INC-" + UUID.randomUUID(), exercise));
        ProducerRecord<String, SpecificRecord> withHeader = new ProducerRecord<>(Topics.EXERCISE_INCIDENTS.name(), exercised.getIncidentId(),
                exercised);
        withHeader.headers().add(new RecordHeader(ExerciseKeys.REFERENCE_HEADER, "1,1,1".getBytes(StandardCharsets.UTF_8)));
        TopicProbe.write(withHeader);
        // and a real transport incident follows it
        IncidentReported real = transport(incident("INC-" + UUID.randomUUID(), null));
        RecordMetadata realWritten = TopicProbe.write(Topics.INCIDENTS.name(), real.getIncidentId(), real);
        IncidentReported marker = incident("INC-" + UUID.randomUUID(), null);
        TopicProbe.write(Topics.INCIDENTS.name(), marker.getIncidentId(), marker);

        // Then the exercise's incident reaches XK under the exercise's agreement, with its contact
        List<AlertIssued> exerciseAlerts = TopicProbe.read(Topics.ALERTS.name(), record -> issuedFor(record, exercised.getIncidentId()),
                found -> !found.isEmpty(), WAIT).stream().map(record -> (AlertIssued) record.value()).toList();
        assertThat(exerciseAlerts).extracting(AlertIssued::getRecipientState, alert -> alert.getAgreement().getAgreementId(),
                AlertIssued::getContactId).containsExactly(tuple("XK", "ee-xk-transport", "xk-duty"));
        // and the real one reaches nobody: no live agreement covers transport (its successor was routed meanwhile)
        TopicProbe.read(Topics.ALERTS.name(), record -> issuedFor(record, marker.getIncidentId()), found -> !found.isEmpty(), WAIT);
        TopicProbe.awaitCommittedPast("notification-service-fanout", realWritten, WAIT);
        assertThat(TopicProbe.readToEnd(Topics.ALERTS.name(), record -> issuedFor(record, real.getIncidentId()))).isEmpty();
        assertThat(ChangeCountingStores.counts(StoreNames.AGREEMENTS)).as("the agreements' table counts its changes").isTrue();
    }

    @Test
    void shouldAdmitAnExercisesReferenceDataAndItsRemovalToTheReferenceTopicAsWritten() {
        // Given a state of an exercise's own, then its removal, on the exercise states' topic
        String exercise = "exercise-" + UUID.randomUUID();
        String key = ExerciseKeys.key(exercise, "XQ");
        StateProfile state = StateProfile.newBuilder().setMetadata(metadata(exercise)).setCode("XQ").setName("Exercise state").build();

        TopicProbe.write(Topics.EXERCISE_STATES.name(), key, state);
        TopicProbe.write(Topics.EXERCISE_STATES.name(), key, null);

        // Then the live states' topic has both under the same key: the same bytes, then the tombstone
        assertThat(TopicProbe.readRaw(Topics.STATES.name(), record -> key.equals(record.key()), found -> found.size() >= 2, WAIT))
                .extracting(record -> DeadLetter.hex(record.value()))
                .containsExactly(DeadLetter.hex(EventCodec.instance().encode(state)), null);
    }

    @Test
    void shouldDeadLetterALiveKeyOrAnotherExercisesValueOnAnExerciseReferenceTopicAndLeaveTheLiveDataAlone() {
        // Given an exercise that writes Estonia under its live key, and a state of another exercise under its own key
        String exercise = "exercise-" + UUID.randomUUID();
        StateProfile estonia = StateProfile.newBuilder().setMetadata(metadata(exercise)).setCode("EE")
                .setName("Estonia, overwritten by an exercise").build();
        RecordMetadata live = TopicProbe.write(Topics.EXERCISE_STATES.name(), "EE", estonia);
        String key = ExerciseKeys.key(exercise, "XR");
        String other = "exercise-" + UUID.randomUUID();
        StateProfile othersState = StateProfile.newBuilder().setMetadata(metadata(other)).setCode("XR").setName("Other exercise's")
                .build();
        RecordMetadata ofAnother = TopicProbe.write(Topics.EXERCISE_STATES.name(), key, othersState);

        // Then both are dead letters on the exercise states' dead-letter topic, and neither reaches the live states' topic:
        // Estonia is as the live data has it
        assertThat(deadLetter(live)).containsExactly(new DeadLetter(Topics.EXERCISE_STATES.name(), live.partition(), live.offset(),
                "org.entente.schemas.InvalidEventException", "key EE on exercise.states.v1 is not an exercise's key "
                        + "x|<exercise id>|<key>: live reference data is written through the reference-data API",
                "EE", DeadLetter.hex(EventCodec.instance().encode(estonia)), live.partition()));
        assertThat(deadLetter(ofAnother)).containsExactly(new DeadLetter(Topics.EXERCISE_STATES.name(), ofAnother.partition(),
                ofAnother.offset(), "org.entente.schemas.InvalidEventException", "key " + key + " belongs to exercise " + exercise
                        + ", its value to exercise " + other,
                key, DeadLetter.hex(EventCodec.instance().encode(othersState)), ofAnother.partition()));
        TopicProbe.awaitCommittedPast("notification-service-exercise-reference", live, WAIT);
        TopicProbe.awaitCommittedPast("notification-service-exercise-reference", ofAnother, WAIT);
        assertThat(liveStatesOf("EE")).contains("Estonia").doesNotContain(estonia.getName());
        assertThat(TopicProbe.readRawToEnd(Topics.STATES.name(), record -> key.equals(record.key()))).isEmpty();
    }

    /** The names the live states' topic holds under {@code key}. */
    private static List<String> liveStatesOf(String key) {
        return TopicProbe.readToEnd(Topics.STATES.name(), record -> key.equals(record.key()) && record.value() instanceof StateProfile)
                .stream().map(record -> ((StateProfile) record.value()).getName()).toList();
    }

    private static List<DeadLetter> deadLetter(RecordMetadata written) {
        return DeadLetter.read(Topics.EXERCISE_STATES.deadLetters().name(), written.partition(), written.offset(), written.offset(), 1,
                WAIT);
    }

    private static boolean issuedFor(ConsumerRecord<String, SpecificRecord> record, String incidentId) {
        return record.value() instanceof AlertIssued alert && alert.getIncidentId().equals(incidentId);
    }

    private static void writeReference(Topics.Topic topic, String exercise, String key, SpecificRecord value) {
        TopicProbe.write(topic.name(), ExerciseKeys.key(exercise, key), value);
    }

    private static EventMetadata metadata(String exercise) {
        return new EventMetadata(UUID.randomUUID().toString(), REPORTED_AT, "test", exercise);
    }

    private static IncidentReported transport(IncidentReported incident) {
        return IncidentReported.newBuilder(incident).setSector(Sector.TRANSPORT).build();
    }

    /** An energy incident of Estonia's, which baltic-energy shares with FI, LV and LT. */
    private static IncidentReported incident(String id, String exercise) {
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
                .setTitle("Control lost")
                .setSummary("Remote terminal units stopped answering.")
                .build();
    }
}
