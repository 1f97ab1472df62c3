package org.entente.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A dead-letter record as the tests compare it: where it came from and why (spring-kafka's
 * {@code kafka_dlt-*} headers), its key, its value bytes (as hex, so that letters compare by
 * value), and the partition it was put on.
 */
public record DeadLetter(String originalTopic, int originalPartition, long originalOffset, String exceptionClass,
        String exceptionMessage, String key, String valueHex, int partition) {

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    public static DeadLetter of(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(
                text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                ByteBuffer.wrap(header(record, KafkaHeaders.DLT_ORIGINAL_PARTITION)).getInt(),
                ByteBuffer.wrap(header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong(),
                text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                record.key(), hex(record.value()), record.partition());
    }

    /**
     * Reads a dead-letter topic until {@code count} letters from source partition {@code partition}
     * with an original offset in [from, to] are found, or the timeout passes.
     */
    public static List<DeadLetter> read(String deadLetterTopic, int partition, long from, long to, int count,
            java.time.Duration timeout) {
        return TopicProbe.readRaw(deadLetterTopic, from(partition, from, to), found -> found.size() >= count, timeout).stream()
                .map(DeadLetter::of).toList();
    }

    /**
     * Every letter on the dead-letter topic now from source partition {@code partition} with an
     * original offset in [from, to]: once the reader of the source has committed past {@code to},
     * all the letters it will ever write for that range.
     */
    public static List<DeadLetter> readToEnd(String deadLetterTopic, int partition, long from, long to) {
        return TopicProbe.readRawToEnd(deadLetterTopic, from(partition, from, to)).stream().map(DeadLetter::of).toList();
    }

    private static Predicate<ConsumerRecord<String, byte[]>> from(int partition, long from, long to) {
        return record -> {
            DeadLetter letter = of(record);
            return letter.originalPartition() == partition && letter.originalOffset() >= from && letter.originalOffset() <= to;
        };
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        return new String(header(record, name), StandardCharsets.UTF_8);
    }

    private static byte[] header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new AssertionError("dead letter " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " has no header " + name);
        }
        return header.value();
    }
}
