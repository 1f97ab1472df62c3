package org.entente.notification.lifecycle;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The W3C {@code traceparent} Kafka header, as Spring Kafka's observation writes it on intake and
 * Kafka Streams carries it through the fan-out. The lifecycle keeps it with the alert, because its
 * later events are caused by recipients' calls and deadlines, which belong to other traces.
 */
final class TraceContext {

    static final String TRACEPARENT = "traceparent";

    private TraceContext() {
    }

    static String of(Headers headers) {
        Header header = headers.lastHeader(TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Headers headers(String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
