package org.entente.schemas;

/**
 * How an exercise's own reference data shares the reference topics with the live data: under
 * keys {@code x|<exercise id>|<key>}, which only that exercise's traffic reads. An exercise that
 * brings its own puts header {@value #REFERENCE_HEADER} on its incidents, saying how many records
 * of each kind it published: {@code <states>,<contacts>,<agreements>}.
 */
public final class ExerciseKeys {

    public static final String REFERENCE_HEADER = "entente-exercise-reference";
    private static final String PREFIX = "x|";

    private ExerciseKeys() {
    }

    public static String prefix(String exerciseId) {
        return PREFIX + exerciseId + "|";
    }

    public static String key(String exerciseId, String key) {
        return prefix(exerciseId) + key;
    }

    public static boolean isExercise(String key) {
        return key.startsWith(PREFIX);
    }
}
