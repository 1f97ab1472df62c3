package org.entente.platform.kafka;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaStreamsCustomizer;

/**
 * What a Kafka Streams application does when one of its stream threads dies of an exception no
 * handler took (a record a processor rejects is a dead letter, never this): the thread is
 * replaced, its tasks resume from their last commit, and exactly-once holds. Kafka's default
 * shuts the whole client down instead, for good: a timeout while the brokers elect new leaders
 * left an application in ERROR, its stores unqueryable and readiness down until someone restarted
 * the process. A thread that keeps dying, {@value #MAX_REPLACEMENTS} times within
 * {@link #WINDOW}, is not a passing fault: the client shuts down, and readiness says so.
 * <p>
 * It installs itself on the {@code KafkaStreams} it customizes: the Kafka Streams binder sets
 * its own shut-the-client-down handler on every factory bean just before starting it
 * (spring-cloud-stream#2836), and a customizer is what runs after that.
 */
public final class StreamThreadReplacement implements StreamsUncaughtExceptionHandler, KafkaStreamsCustomizer {

    static final int MAX_REPLACEMENTS = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(StreamThreadReplacement.class);

    private final String application;
    private final InstantSource clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    StreamThreadReplacement(String application, InstantSource clock) {
        this.application = application;
        this.clock = clock;
    }

    @Override
    public void customize(KafkaStreams streams) {
        streams.setUncaughtExceptionHandler(this);
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(WINDOW))) {
            replacements.removeFirst();
        }
        if (replacements.size() >= MAX_REPLACEMENTS) {
            log.error("Kafka Streams application {}: a stream thread died {} times within {}; shutting the client down",
                    application, MAX_REPLACEMENTS + 1, WINDOW, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        log.error("Kafka Streams application {}: a stream thread died; replacing it", application, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
