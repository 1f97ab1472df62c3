package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.entente.events.AgreementRef;
import org.entente.events.AlertIssued;
import org.entente.events.DataCategory;
import org.entente.events.DisclosureRecorded;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.events.WithheldCategory;
import org.entente.notification.routing.AlertComposer;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.EventCodec;
import org.entente.schemas.Topics;
import org.entente.testing.DeadLetter;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Revisions of an incident through the fan-out on a real broker: a raised label reaches only the
 * partners it still allows, and each partner left out is told to the ledger; a revision that
 * lowers the label, comes from another state or moves the incident into or out of an exercise
 * (from either incident topic), written straight to the topic past intake's check, is a dead
 * letter that alerts nobody and changes nothing. Shares the context of
 * {@link NotificationPipelineIntegrationTest}; its incidents are reported on a day no other test uses.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = {NotificationServiceApplication.class, NotificationPipelineIntegrationTest.ClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=src/test/resources/reference-data-test.yml"})
class IncidentUpdateFanOutIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String FAN_OUT = "notification-service-fanout";
    static final Instant REPORTED_AT = Instant.parse("2026-09-14T07:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/readyz").exchange().expectStatus().isOk());
    }

    @Test
    void shouldRouteARaisedLabelToTheNamedRecipientsOnlyAndDeadLetterALoweredOne() {
        // Given an AMBER energy incident of Estonia's, shared with FI, LV and LT under baltic-energy
        IncidentReported report = incident("INC-" + UUID.randomUUID());
        String id = report.getIncidentId();
        TopicProbe.write(Topics.INCIDENTS.name(), id, report);
        assertThat(alertsIssued(id, 3)).extracting(AlertIssued::getRecipientState, AlertIssued::getIncidentRevision, AlertIssued::getTlp)
                .containsExactly(tuple("FI", 0, Tlp.AMBER), tuple("LT", 0, Tlp.AMBER), tuple("LV", 0, Tlp.AMBER));

        // When Estonia raises it to RED for FI (only ee-fi-energy allows RED) and LV (no agreement with LV does)
        IncidentReported red = revision(report, 1, Tlp.RED, List.of("FI", "LV"));
        TopicProbe.write(Topics.INCIDENTS.name(), id, red);

        // Then only Finland gets the update, as an alert of its own beside the first
        assertThat(alertsIssued(id, 4)).extracting(AlertIssued::getRecipientState, AlertIssued::getIncidentRevision, AlertIssued::getTlp)
                .containsExactly(tuple("FI", 0, Tlp.AMBER), tuple("FI", 1, Tlp.RED), tuple("LT", 0, Tlp.AMBER), tuple("LV", 0, Tlp.AMBER));
        String update = AlertComposer.alertId(id, 1, "FI");
        assertThat(update).isNotEqualTo(AlertComposer.alertId(id, "FI"));
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/v1/alerts/" + update)
                .header("Authorization", TestTokens.bearer("poc-fi")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.incidentId").isEqualTo(id)
                .jsonPath("$.tlp").isEqualTo("RED")
                .jsonPath("$.agreement").isEqualTo("ee-fi-energy")
                .jsonPath("$.status").isEqualTo("delivered"));

        // When a revision that lowers the label back to AMBER, for everyone, is written straight to the topic
        Map<String, Double> deadLettersBefore = invalidIncidentsCounted();
        IncidentReported lowered = revision(red, 2, Tlp.AMBER, List.of());
        RecordMetadata forged = TopicProbe.write(Topics.INCIDENTS.name(), id, lowered);
        // and a later, proper revision follows it
        IncidentReported critical = IncidentReported.newBuilder(revision(red, 3, Tlp.RED, List.of("FI")))
                .setSeverity(Severity.CRITICAL).build();
        TopicProbe.write(Topics.INCIDENTS.name(), id, critical);

        // Then the lowered revision is a dead letter with its reason and alerts nobody; the fan-out goes on
        assertThat(alertsIssued(id, 5)).extracting(AlertIssued::getRecipientState, AlertIssued::getIncidentRevision, AlertIssued::getTlp)
                .containsExactly(tuple("FI", 0, Tlp.AMBER), tuple("FI", 1, Tlp.RED), tuple("FI", 3, Tlp.RED),
                        tuple("LT", 0, Tlp.AMBER), tuple("LV", 0, Tlp.AMBER));
        assertThat(DeadLetter.read(Topics.INCIDENTS.name() + ".dlq", forged.partition(), forged.offset(), forged.offset(), 1, WAIT))
                .containsExactly(new DeadLetter(Topics.INCIDENTS.name(), forged.partition(), forged.offset(),
                        "org.entente.schemas.InvalidEventException", "revision 2 lowers the TLP label from RED to AMBER", id,
                        DeadLetter.hex(EventCodec.instance().encode(lowered)), forged.partition()));
        assertThat(invalidIncidentsCounted().get("invalid") - deadLettersBefore.get("invalid")).isEqualTo(1.0);

        // and a copy of a revision already routed is a duplicate: nothing new goes out
        TopicProbe.write(Topics.INCIDENTS.name(), id, red);
        RecordMetadata last = TopicProbe.write(Topics.INCIDENTS.name(), id, revision(critical, 4, Tlp.RED, List.of("FI")));
        assertThat(allAlertsIssued(id, 6, last)).extracting(AlertIssued::getRecipientState, AlertIssued::getIncidentRevision)
                .containsExactly(tuple("FI", 0), tuple("FI", 1), tuple("FI", 3), tuple("FI", 4), tuple("LT", 0), tuple("LV", 0));
    }

    @Test
    void shouldDeadLetterARevisionFromAnotherStateAndChangeNothing() {
        // Given Estonia's incident, shared with FI, LT and LV
        IncidentReported report = reported(null);
        String id = report.getIncidentId();

        // When Finland's "revision 1" of it is written straight to the topic, then Estonia's own
        IncidentReported fromFinland = IncidentReported.newBuilder(revision(report, 1, Tlp.AMBER, List.of("LT")))
                .setReportingState("FI").build();
        RecordMetadata refused = TopicProbe.write(Topics.INCIDENTS.name(), id, fromFinland);
        RecordMetadata estonias = TopicProbe.write(Topics.INCIDENTS.name(), id, revision(report, 1, Tlp.RED, List.of("FI")));

        // Then Finland's is a dead letter, and Estonia's revision 1 passes as if it had never been written
        assertThat(deadLetter(Topics.INCIDENTS, refused)).containsExactly(new DeadLetter(Topics.INCIDENTS.name(), refused.partition(),
                refused.offset(), "org.entente.schemas.InvalidEventException",
                "revision 1 comes from FI, but EE reported the incident", id,
                DeadLetter.hex(EventCodec.instance().encode(fromFinland)), refused.partition()));
        assertThat(allAlertsIssued(id, 4, estonias)).extracting(AlertIssued::getRecipientState, AlertIssued::getIncidentRevision,
                AlertIssued::getReportingState).containsExactly(tuple("FI", 0, "EE"), tuple("FI", 1, "EE"), tuple("LT", 0, "EE"),
                tuple("LV", 0, "EE"));
    }

    @Test
    void shouldKeepAnIncidentInItsWorldAndDeadLetterARevisionThatMovesIt() {
        // Given a real incident and an exercise's, both shared with FI, LT and LV
        IncidentReported real = reported(null);
        IncidentReported drill = reported("drill-2026");

        // When the exercise's topic brings a revision that puts the real one into the exercise, and the real incidents'
        // topic one, with no exercise id, that takes the exercise's out of it
        IncidentReported intoTheDrill = IncidentReported.newBuilder(revision(real, 1, Tlp.AMBER, List.of()))
                .setMetadata(new EventMetadata("event-" + real.getIncidentId() + "-1", REPORTED_AT, "test", "drill-2026"))
                .build();
        IncidentReported outOfTheDrill = revision(drill, 1, Tlp.AMBER, List.of());
        RecordMetadata into = TopicProbe.write(Topics.EXERCISE_INCIDENTS.name(), real.getIncidentId(), intoTheDrill);
        RecordMetadata out = TopicProbe.write(Topics.INCIDENTS.name(), drill.getIncidentId(), outOfTheDrill);

        // Then both are dead letters, each on its own topic's dead-letter topic, and neither incident has an alert of revision 1
        assertThat(deadLetter(Topics.EXERCISE_INCIDENTS, into)).containsExactly(new DeadLetter(Topics.EXERCISE_INCIDENTS.name(),
                into.partition(), into.offset(), "org.entente.schemas.InvalidEventException",
                "revision 1 belongs to exercise drill-2026, the incident to real traffic",
                real.getIncidentId(), DeadLetter.hex(EventCodec.instance().encode(intoTheDrill)), into.partition()));
        assertThat(deadLetter(Topics.INCIDENTS, out)).containsExactly(new DeadLetter(Topics.INCIDENTS.name(), out.partition(), out.offset(),
                "org.entente.schemas.InvalidEventException", "revision 1 belongs to real traffic, the incident to exercise drill-2026",
                drill.getIncidentId(), DeadLetter.hex(EventCodec.instance().encode(outOfTheDrill)), out.partition()));
        assertThat(allAlertsIssued(real.getIncidentId(), 3, into)).extracting(AlertIssued::getIncidentRevision,
                alert -> alert.getMetadata().getExerciseId()).containsOnly(tuple(0, null));
        assertThat(allAlertsIssued(drill.getIncidentId(), 3, out)).extracting(AlertIssued::getIncidentRevision,
                alert -> alert.getMetadata().getExerciseId()).containsOnly(tuple(0, "drill-2026"));
    }

    @Test
    void shouldRecordInTheLedgerEachPartnerARevisionNoLongerReachesOnce() {
        // Given Estonia's AMBER incident, shared with FI, LT and LV
        IncidentReported report = reported(null);
        String id = report.getIncidentId();

        // When Estonia raises it to RED for Finland alone, then makes it critical, still for Finland alone
        IncidentReported red = revision(report, 1, Tlp.RED, List.of("FI"));
        TopicProbe.write(Topics.INCIDENTS.name(), id, red);
        RecordMetadata critical = TopicProbe.write(Topics.INCIDENTS.name(), id,
                IncidentReported.newBuilder(revision(red, 2, Tlp.RED, List.of("FI"))).setSeverity(Severity.CRITICAL).build());
        alertsIssued(id, 5);

        // Then the ledger says, once, that revision 1 did not go to Lithuania and Latvia, which the report reached
        assertThat(ledgerEntriesWithNothingDisclosed(id, critical)).containsExactly(notShared(red, "LT"), notShared(red, "LV"));
    }

    private static List<DeadLetter> deadLetter(Topics.Topic topic, RecordMetadata written) {
        return DeadLetter.read(topic.deadLetters().name(), written.partition(), written.offset(), written.offset(), 1, WAIT);
    }

    /** The incident's ledger entries that disclosed nothing, all of them once the fan-out has committed past its last input. */
    private static List<DisclosureRecorded> ledgerEntriesWithNothingDisclosed(String incidentId, RecordMetadata lastInput) {
        Predicate<ConsumerRecord<String, SpecificRecord>> nothingDisclosed = record -> record.value() instanceof DisclosureRecorded entry
                && entry.getIncidentId().equals(incidentId) && entry.getDisclosed().isEmpty();
        TopicProbe.awaitCommittedPast(FAN_OUT, lastInput, WAIT);
        return TopicProbe.readToEnd(Topics.DISCLOSURES.name(), nothingDisclosed)
                .stream().map(record -> (DisclosureRecorded) record.value())
                .sorted(Comparator.comparing(DisclosureRecorded::getRecipientState)).toList();
    }

    /** The ledger entry of a partner the revision no longer reaches; baltic-energy v1 governed its alert of the report. */
    private static DisclosureRecorded notShared(IncidentReported revision, String recipient) {
        String alertId = AlertComposer.alertId(revision.getIncidentId(), revision.getRevision(), recipient);
        Instant updatedAt = revision.getMetadata().getOccurredAt();
        String reason = "revision " + revision.getRevision() + " is not shared with " + recipient + ", which an earlier revision"
                + " reached: no agreement covers it for " + recipient + " or the reporter no longer names it";
        return DisclosureRecorded.newBuilder()
                .setMetadata(new EventMetadata(EventMetadataFactory.derivedId("not-shared/" + alertId), updatedAt,
                        "notification-service", null))
                .setAlertId(alertId)
                .setIncidentId(revision.getIncidentId())
                .setReportingState("EE")
                .setRecipientState(recipient)
                .setAgreement(new AgreementRef("baltic-energy", 1))
                .setLegalBasis(null)
                .setTlp(revision.getTlp())
                .setDisclosed(List.of())
                .setWithheld(List.of(new WithheldCategory(DataCategory.OPERATIONAL, reason)))
                .setDisclosedAt(updatedAt)
                .build();
    }

    private static IncidentReported incident(String id) {
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("event-" + id, REPORTED_AT, "test", null))
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

    /** Estonia's AMBER energy incident, real or of the exercise (on its world's topic), reported and fanned out to FI, LT and LV. */
    private static IncidentReported reported(String exerciseId) {
        IncidentReported incident = incident("INC-" + UUID.randomUUID());
        IncidentReported report = IncidentReported.newBuilder(incident)
                .setMetadata(EventMetadata.newBuilder(incident.getMetadata()).setExerciseId(exerciseId).build())
                .build();
        Topics.Topic topic = exerciseId == null ? Topics.INCIDENTS : Topics.EXERCISE_INCIDENTS;
        TopicProbe.write(topic.name(), report.getIncidentId(), report);
        alertsIssued(report.getIncidentId(), 3);
        return report;
    }

    /** Revision {@code n} of the incident, ten minutes apart, with this label and these named recipients. */
    private static IncidentReported revision(IncidentReported before, int n, Tlp tlp, List<String> namedRecipients) {
        return IncidentReported.newBuilder(before)
                .setMetadata(new EventMetadata("event-" + before.getIncidentId() + "-" + n,
                        REPORTED_AT.plus(Duration.ofMinutes(10L * n)), "test", null))
                .setRevision(n)
                .setTlp(tlp)
                .setNamedRecipients(namedRecipients)
                .build();
    }

    /** The incident's alerts once there are {@code count}, by recipient then revision. */
    private static List<AlertIssued> alertsIssued(String incidentId, int count) {
        return byRecipientAndRevision(TopicProbe.read(Topics.ALERTS.name(), issuedFor(incidentId), found -> found.size() >= count, WAIT));
    }

    /**
     * The incident's alerts once there are {@code count} and the fan-out has committed past its
     * last input: all it issued for it.
     */
    private static List<AlertIssued> allAlertsIssued(String incidentId, int count, RecordMetadata lastInput) {
        alertsIssued(incidentId, count);
        TopicProbe.awaitCommittedPast(FAN_OUT, lastInput, WAIT);
        return byRecipientAndRevision(TopicProbe.readToEnd(Topics.ALERTS.name(), issuedFor(incidentId)));
    }

    private static Predicate<ConsumerRecord<String, SpecificRecord>> issuedFor(String incidentId) {
        return record -> record.value() instanceof AlertIssued alert && alert.getIncidentId().equals(incidentId);
    }

    private static List<AlertIssued> byRecipientAndRevision(List<ConsumerRecord<String, SpecificRecord>> issued) {
        return issued.stream().map(record -> (AlertIssued) record.value())
                .sorted(Comparator.comparing(AlertIssued::getRecipientState).thenComparing(AlertIssued::getIncidentRevision))
                .toList();
    }

    private Map<String, Double> invalidIncidentsCounted() {
        return meters.find("entente.dlq.records").tag("topic", Topics.INCIDENTS.name()).counters().stream()
                .collect(Collectors.toMap(counter -> counter.getId().getTag("reason"), Counter::count));
    }
}
