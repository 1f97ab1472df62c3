package org.entente.benchmark;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Counts the records committed to a topic from now on, without decoding them: cheap beside the pipeline it watches. */
final class RecordCounter implements AutoCloseable {

    private final AtomicLong count = new AtomicLong();
    private final TopicWatch<byte[]> watch;

    RecordCounter(BenchBroker broker, String topic) {
        watch = new TopicWatch<>(broker, topic, new ByteArrayDeserializer(), records -> count.addAndGet(records.count()));
    }

    long count() {
        return count.get();
    }

    @Override
    public void close() {
        watch.close();
    }
}
