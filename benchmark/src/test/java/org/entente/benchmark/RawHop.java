package org.entente.benchmark;

import java.util.Random;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The physical ceiling: a kafka-clients producer with Entente's settings sends 500-byte records
 * while a consumer in another thread reads them back; records per second from the first send to
 * the last record read, after an untimed warm-up round.
 */
final class RawHop {

    static final String TOPIC = "benchmark.raw-hop";
    static final int RECORD_BYTES = 500;

    private final BenchBroker broker;
    private final byte[] value = new byte[RECORD_BYTES];

    RawHop(BenchBroker broker) {
        this.broker = broker;
        new Random(7).nextBytes(value);
    }

    Measurement.Throughput measure(int records, CpuMeter cpu) {
        broker.createTopic(TOPIC);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                EntenteProducerSettings.forBroker(broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            round(producer, Parameters.warmUp(records));
            CpuMeter.Sample cpuAtStart = cpu.start();
            long nanos = round(producer, records);
            cpu.record(BenchmarkReport.RAW_HOP, cpuAtStart);
            return new Measurement.Throughput(BenchmarkReport.RAW_HOP,
                    "raw hop: producer → broker → consumer, " + RECORD_BYTES + "-byte records", "records", records, nanos);
        }
    }

    /** Sends {@code records} and returns how long until the last was read. */
    private long round(KafkaProducer<String, byte[]> producer, int records) {
        try (RecordCounter read = new RecordCounter(broker, TOPIC)) {
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, value));
            }
            return Progress.await("raw hop: records to read", () -> Progress.Status.counted(records, read.count())) - started;
        }
    }
}
