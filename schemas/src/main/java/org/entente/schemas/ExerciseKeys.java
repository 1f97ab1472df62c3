package org.entente.schemas;

import java.util.Optional;

/**
 * How an exercise's own reference data shares the reference topics with the live data: under
 * keys {@code x|<exercise id>|<key>}, which only that exercise's traffic reads. An exercise
 * replay writes them to the exercise reference topics ({@link Topics#EXERCISE_STATES} …), and
 * notification-service admits them, keys unchanged, to the reference topics. An exercise that
 * brings its own puts header {@value #REFERENCE_HEADER} on its incidents, saying how many records
 * of each kind it published: {@code <states>,<contacts>,<agreements>}.
 */
public final class ExerciseKeys {

    public static final String REFERENCE_HEADER = "entente-exercise-reference";
    private static final String PREFIX = "x|";
    private static final char SEPARATOR = '|';

    private ExerciseKeys() {
    }

    public static String prefix(String exerciseId) {
        return PREFIX + exerciseId + SEPARATOR;
    }

    public static String key(String exerciseId, String key) {
        return prefix(exerciseId) + key;
    }

    public static boolean isExercise(String key) {
        return key.startsWith(PREFIX);
    }

    /** The exercise whose key this is; empty for a live key or one without {@code <exercise id>|}. */
    public static Optional<String> exerciseIdOf(String key) {
        int end = isExercise(key) ? key.indexOf(SEPARATOR, PREFIX.length()) : -1;
        return end > PREFIX.length() ? Optional.of(key.substring(PREFIX.length(), end)) : Optional.empty();
    }
}
