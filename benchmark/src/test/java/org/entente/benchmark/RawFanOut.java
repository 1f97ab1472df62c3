package org.entente.benchmark;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.entente.events.Agreement;
import org.entente.events.ContactChain;
import org.entente.events.IncidentReported;
import org.entente.events.StateProfile;
import org.entente.notification.address.WebhookAddressPolicy;
import org.entente.notification.reference.ReferenceDataFile;
import org.entente.notification.routing.AlertComposer;
import org.entente.notification.routing.Route;
import org.entente.notification.routing.Router;
import org.entente.platform.events.EventChecks;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.EventDeserializer;

/**
 * What the frameworks cost: notification-service's fan-out written by hand with kafka-clients.
 * Incidents are written to a topic of their own (a warm-up round, then the measured one); one
 * consumer and one transactional producer (Entente's producer settings) consume, decode, check
 * ({@link EventChecks}), route ({@link Router}), compose ({@link AlertComposer}), encode and
 * produce each alert and its ledger entry, and commit the consumed offsets in the same
 * transaction, one transaction per poll, as exactly_once_v2 does per commit. Reference data is the
 * file notification-service is seeded from, read the same way ({@link ReferenceDataFile}), held in
 * memory with the agreements indexed by party, as a hand-written loop would.
 */
final class RawFanOut {

    static final String INCIDENTS = "benchmark.raw-incidents";
    static final String ALERTS = "benchmark.raw-alerts";
    static final String DISCLOSURES = "benchmark.raw-disclosures";
    private static final String GROUP = "benchmark-raw-fanout";

    private final BenchBroker broker;
    private final Map<String, List<Agreement>> agreementsByParty = new HashMap<>();
    private final Set<String> states;
    private final Map<String, String> primaryContacts;
    private final AlertComposer composer;

    RawFanOut(BenchBroker broker, Path referenceData) {
        this.broker = broker;
        EventMetadataFactory metadata = new EventMetadataFactory("notification-service", Clock.systemUTC());
        ReferenceDataFile file = ReferenceDataFile.read(referenceData, metadata, WebhookAddressPolicy.of(List.of()));
        file.agreements().forEach(agreement -> agreement.getParties().forEach(party ->
                agreementsByParty.computeIfAbsent(party, p -> new ArrayList<>()).add(agreement)));
        this.states = file.states().stream().map(StateProfile::getCode).collect(Collectors.toSet());
        this.primaryContacts = file.contacts().stream()
                .collect(Collectors.toMap(ContactChain::getStateCode, chain -> chain.getContacts().get(0).getContactId()));
        this.composer = new AlertComposer(metadata);
    }

    /** Fans out a warm-up round, then {@code incidents}, each written to the topic before the loop meets it; alerts per second. */
    Measurement.Throughput measure(IncidentWriter writer, int incidents, CpuMeter cpu) {
        broker.createTopic(INCIDENTS);
        broker.createTopic(ALERTS);
        broker.createTopic(DISCLOSURES);
        try (KafkaConsumer<String, IncidentReported> consumer = new KafkaConsumer<>(consumerSettings(), new StringDeserializer(),
                new EventDeserializer<>(IncidentReported.class));
                KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerSettings())) {
            producer.initTransactions();
            consumer.subscribe(List.of(INCIDENTS));
            writer.write(INCIDENTS, Parameters.warmUp(incidents));
            round(consumer, producer, Parameters.warmUp(incidents));
            writer.write(INCIDENTS, incidents);
            CpuMeter.Sample cpuAtStart = cpu.start();
            Measurement.Throughput measured = round(consumer, producer, incidents);
            cpu.record(BenchmarkReport.RAW_FAN_OUT, cpuAtStart);
            return measured;
        }
    }

    /** Routes {@code incidents}, timed from the first poll that returns some to the commit of the last. */
    private Measurement.Throughput round(KafkaConsumer<String, IncidentReported> consumer,
            KafkaProducer<String, SpecificRecord> producer, int incidents) {
        Progress progress = new Progress("raw fan-out: incidents to route");
        long started = 0;
        int consumed = 0;
        long alerts = 0;
        while (consumed < incidents) {
            ConsumerRecords<String, IncidentReported> records = consumer.poll(Duration.ofMillis(100));
            progress.check(Progress.Status.counted(incidents, consumed));
            if (records.isEmpty()) {
                continue;
            }
            if (started == 0) {
                started = System.nanoTime();
            }
            producer.beginTransaction();
            for (ConsumerRecord<String, IncidentReported> record : records) {
                alerts += fanOut(producer, EventChecks.incident(record.key(), record.value()));
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
            consumed += records.count();
        }
        return new Measurement.Throughput(BenchmarkReport.RAW_FAN_OUT, "raw fan-out: kafka-clients loop, a transaction per poll",
                "alerts", alerts, System.nanoTime() - started);
    }

    /** Sends one alert and one ledger entry per recipient, as FanOutProcessor forwards them; returns the alerts sent. */
    private int fanOut(KafkaProducer<String, SpecificRecord> producer, IncidentReported incident) {
        int sent = 0;
        for (Route route : Router.route(incident, agreementsByParty.getOrDefault(incident.getReportingState(), List.of()))) {
            String recipient = route.recipientState();
            if (!states.contains(recipient)) {
                continue;
            }
            AlertComposer.Composed composed = composer.compose(incident, route, primaryContacts.get(recipient));
            producer.send(new ProducerRecord<>(ALERTS, recipient, composed.alert()));
            producer.send(new ProducerRecord<>(DISCLOSURES, recipient, composed.disclosure()));
            sent++;
        }
        return sent;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, IncidentReported> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, IncidentReported>> read = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(read.get(read.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private Properties consumerSettings() {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return settings;
    }

    private Properties producerSettings() {
        Properties settings = EntenteProducerSettings.forBroker(broker.bootstrapServers());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, GROUP);
        return settings;
    }
}
