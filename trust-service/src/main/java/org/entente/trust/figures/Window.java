package org.entente.trust.figures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which outcomes count, by the bucket of the day their alert was issued. */
public enum Window {

    ALL("all") {
        @Override
        public List<Bucket> buckets(Instant now) {
            return List.of(new Bucket.AllTime());
        }
    },

    /**
     * The UTC day that holds now − 30 days, every day after it, and today: every alert issued from
     * now − 30 days up to now, plus those issued earlier on that first day (up to a day more) and
     * later today.
     */
    LAST_30_DAYS("30d") {
        @Override
        public List<Bucket> buckets(Instant now) {
            return Stream.iterate(firstDay(now), day -> !day.isAfter(Bucket.Day.of(now).date()), day -> day.plusDays(1))
                    .<Bucket>map(Bucket.Day::new)
                    .toList();
        }
    };

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private final String label;

    Window(String label) {
        this.label = label;
    }

    /** The tallies that together hold the window's outcomes. */
    public abstract List<Bucket> buckets(Instant now);

    /** The oldest day of the 30-day window: a day before it is never read again. */
    public static LocalDate firstDay(Instant now) {
        return Bucket.Day.of(now.minus(THIRTY_DAYS)).date();
    }

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
