package org.entente.notification.reference;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.schemas.ExerciseKeys;
import org.entente.schemas.InvalidEventException;

/**
 * Reference data an exercise brings with its scenario (states, contact chains, agreements), kept
 * apart as {@link ExerciseKeys} says: used by that exercise's traffic alone and never by real
 * traffic, other exercises or the reference-data API. An exercise without its own routes on the
 * live data.
 * <p>
 * The reference topics reach this service through global tables, which a separate thread fills
 * at its own pace. So the processors wait until as many records as the exercise's incidents
 * declare ({@link #declared}) are there ({@link #await}) before they route or deliver its alerts.
 */
public final class ExerciseReference {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 10;

    /** How many records of each kind an exercise published. */
    public record Counts(int states, int contacts, int agreements) {
    }

    private ExerciseReference() {
    }

    /** What the record's exercise published, if it brought its own reference data. */
    public static Optional<Counts> declared(Headers headers) {
        Header header = headers.lastHeader(ExerciseKeys.REFERENCE_HEADER);
        if (header == null) {
            return Optional.empty();
        }
        String[] counts = new String(header.value(), StandardCharsets.UTF_8).split(",");
        try {
            InvalidEventException.require(counts.length == 3, ExerciseKeys.REFERENCE_HEADER + " must be <states>,<contacts>,<agreements>");
            return Optional.of(new Counts(Integer.parseInt(counts[0]), Integer.parseInt(counts[1]),
                    Integer.parseInt(counts[2])));
        } catch (NumberFormatException e) {
            throw new InvalidEventException(ExerciseKeys.REFERENCE_HEADER + " must be <states>,<contacts>,<agreements>");
        }
    }

    /** How many records of the exercise {@code store} holds. */
    public static int count(ReadOnlyKeyValueStore<String, ?> store, String exerciseId) {
        int count = 0;
        try (KeyValueIterator<String, ?> iterator = store.prefixScan(ExerciseKeys.prefix(exerciseId), new StringSerializer())) {
            while (iterator.hasNext()) {
                iterator.next();
                count++;
            }
        }
        return count;
    }

    /**
     * Waits until {@code visible} counts at least {@code expected} records; an exercise whose data
     * does not arrive within {@link #PATIENCE} is refused (a dead letter), never routed on part of it.
     */
    public static void await(String what, int expected, IntSupplier visible) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (visible.getAsInt() < expected) {
            InvalidEventException.require(System.nanoTime() < deadline,
                    "the exercise's " + what + " did not all arrive within " + PATIENCE);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the exercise's " + what, e);
            }
        }
    }
}
