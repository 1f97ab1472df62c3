package org.entente.trust.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which outcomes count, by when their alert was issued. */
public enum Window {

    ALL("all") {
        @Override
        public boolean includes(Instant issuedAt, Instant now) {
            return true;
        }
    },

    /** From exactly 30 days before now up to now, both ends included; alerts issued later are not yet due. */
    LAST_30_DAYS("30d") {
        @Override
        public boolean includes(Instant issuedAt, Instant now) {
            return !issuedAt.isBefore(now.minus(Duration.ofDays(30))) && !issuedAt.isAfter(now);
        }
    };

    private final String label;

    Window(String label) {
        this.label = label;
    }

    public abstract boolean includes(Instant issuedAt, Instant now);

    public String label() {
        return label;
    }

    public static Optional<Window> parse(String label) {
        return Arrays.stream(values()).filter(window -> window.label.equals(label)).findFirst();
    }

    /** For error messages: "all, 30d". */
    public static String labels() {
        return Arrays.stream(values()).map(Window::label).collect(Collectors.joining(", "));
    }
}
