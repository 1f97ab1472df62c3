package org.entente.exercise.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario time as planners write it: offsets from the start such as {@code +2h30m} or
 * {@code +45s}, and spans such as {@code 20m} or {@code 1d12h} (days, hours, minutes, seconds,
 * largest first, each at most once).
 */
public final class ScenarioTime {

    private static final String UNITS = "(?=\\d)(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?";
    /** The syntax of an offset; scenario.schema.json uses the same expression. */
    public static final String OFFSET_SYNTAX = "^\\+" + UNITS + "$";
    /** The syntax of a span; scenario.schema.json uses the same expression. */
    public static final String SPAN_SYNTAX = "^" + UNITS + "$";

    private static final Pattern OFFSET = Pattern.compile(OFFSET_SYNTAX);
    private static final Pattern SPAN = Pattern.compile(SPAN_SYNTAX);

    private ScenarioTime() {
    }

    /** The offset {@code +2h30m}; empty when malformed or beyond what a duration holds. */
    public static Optional<Duration> parseOffset(String text) {
        return parse(OFFSET, text);
    }

    /** The span {@code 2h30m}; empty when malformed or beyond what a duration holds. */
    public static Optional<Duration> parseSpan(String text) {
        return parse(SPAN, text);
    }

    public static boolean isOffsetSyntax(String text) {
        return OFFSET.matcher(text).matches();
    }

    public static boolean isSpanSyntax(String text) {
        return SPAN.matcher(text).matches();
    }

    /** {@code +2h30m}; {@code +0s} for the start. */
    public static String offset(Duration time) {
        return time.isNegative() ? span(time) : "+" + span(time);
    }

    /** {@code 2h30m}; {@code 0s} for none; sub-second remainders as {@code ms}. */
    public static String span(Duration span) {
        if (span.isNegative()) {
            return "-" + span(span.negated());
        }
        if (span.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, span.toDays(), "d");
        append(text, span.toHoursPart(), "h");
        append(text, span.toMinutesPart(), "m");
        append(text, span.toSecondsPart(), "s");
        append(text, span.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }

    private static Optional<Duration> parse(Pattern syntax, String text) {
        Matcher matcher = syntax.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofDays(amount(matcher, 1))
                    .plusHours(amount(matcher, 2))
                    .plusMinutes(amount(matcher, 3))
                    .plusSeconds(amount(matcher, 4)));
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private static long amount(Matcher matcher, int group) {
        return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
    }
}
