package org.entente.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The intake row's anchor: what a kafka-clients producer with Entente's producer settings
 * ({@link EntenteProducerSettings}: acks=all, idempotence) takes to store an {@code IncidentReported}
 * (the benchmark's {@link SampleIncident}, encoded by the same serializer) at the intake's rate, open
 * loop, on the same broker with the services running. Latency from the time each record was due to
 * its acknowledgement, so a send that blocks or a generator that falls behind counts in full.
 */
final class RawProducerLatency {

    static final String ID = "raw-producer-latency";
    static final String TOPIC = "benchmark.raw-intake";

    private final BenchBroker broker;
    private final List<String> reporters;

    RawProducerLatency(BenchBroker broker, List<String> reporters) {
        this.broker = broker;
        this.reporters = reporters;
    }

    Measurement.Latency measure(int perSecond, Duration duration, CpuMeter cpu) {
        broker.createTopic(TOPIC);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                EntenteProducerSettings.forBroker(broker.bootstrapServers()))) {
            // Untimed: the connection, the topic's metadata and the producer id, which the first send waits for.
            var first = SampleIncident.event(reporters.get(0));
            producer.send(new ProducerRecord<>(TOPIC, first.getIncidentId(), first)).get(30, TimeUnit.SECONDS);
            Histogram micros = new SynchronizedHistogram(3);
            AtomicLong failed = new AtomicLong();
            AtomicLong lastAck = new AtomicLong();
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long records = duration.toNanos() / interval;
            CpuMeter.Sample cpuAtStart = cpu.start();
            long start = System.nanoTime();
            for (long i = 0; i < records; i++) {
                long due = start + i * interval;
                LockSupport.parkNanos(due - System.nanoTime());
                var incident = SampleIncident.event(reporters.get((int) (i % reporters.size())));
                producer.send(new ProducerRecord<>(TOPIC, incident.getIncidentId(), incident), (metadata, error) -> {
                    long acknowledged = System.nanoTime();
                    lastAck.accumulateAndGet(acknowledged, Math::max);
                    if (error == null) {
                        micros.recordValue((acknowledged - due) / 1_000);
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            cpu.record(ID, cpuAtStart);
            return Measurement.Latency.of(ID, "raw producer: IncidentReported → acks=all, %d records/s, Entente's producer settings"
                    .formatted(perSecond), micros, failed.get(), lastAck.get() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the raw producer's first send failed", e);
        }
    }
}
