package org.entente.exercise.runs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a scenario is played through the pipeline. */
public enum Mode {
    /** On scenario time, as fast as the pipeline goes. */
    SIMULATED,
    /** On the wall clock, possibly compressed. */
    LIVE;

    /** As the API and the metrics name it: {@code simulated}, {@code live}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Mode> of(String label) {
        return Arrays.stream(values()).filter(mode -> mode.label().equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Mode::label).toList();
    }
}
