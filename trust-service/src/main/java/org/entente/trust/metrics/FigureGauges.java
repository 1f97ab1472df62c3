package org.entente.trust.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import org.entente.events.CommitmentResult;
import org.entente.schemas.Labels;
import org.entente.trust.figures.Figures;

/**
 * One family of per-state figure gauges: honoured ratio, counts by result, and the median and 90th
 * percentile time to acknowledge. Labels are state codes and result names only, so the series
 * stay bounded by the number of states.
 */
final class FigureGauges {

    /** The gauges' names; {@code what} is what they count, for their descriptions ("commitments owed"). */
    record Names(String what, String honouredRatio, String counts, String responseP50, String responseP90) {
    }

    private static final double MILLIS_PER_SECOND = 1000.0;

    private final MultiGauge honouredRatio;
    private final MultiGauge counts;
    private final MultiGauge responseP50;
    private final MultiGauge responseP90;

    FigureGauges(MeterRegistry registry, Names names) {
        this.honouredRatio = MultiGauge.builder(names.honouredRatio())
                .description("Honoured on time / all " + names.what() + ", all time, per recipient state")
                .register(registry);
        this.counts = MultiGauge.builder(names.counts())
                .description(capitalised(names.what()) + ", all time, per recipient state and result")
                .register(registry);
        this.responseP50 = MultiGauge.builder(names.responseP50())
                .description("Median time to acknowledge (nearest rank, within 0.1%), " + names.what() + ", all time, per recipient state")
                .register(registry);
        this.responseP90 = MultiGauge.builder(names.responseP90())
                .description("90th percentile time to acknowledge (nearest rank, within 0.1%), " + names.what()
                        + ", all time, per recipient state")
                .register(registry);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    void show(SortedMap<String, Figures> perState) {
        honouredRatio.register(rows(perState, Figures::honouredRatio), true);
        responseP50.register(rows(perState, figures -> seconds(figures.acknowledgeP50Millis())), true);
        responseP90.register(rows(perState, figures -> seconds(figures.acknowledgeP90Millis())), true);
        counts.register(perState.entrySet().stream()
                .flatMap(state -> Arrays.stream(CommitmentResult.values())
                        .map(result -> Row.of(Tags.of("state", state.getKey(), "result", Labels.of(result)),
                                state.getValue().count(result))))
                .toList(), true);
    }

    /** One row per state that has a value; a state without one (no acknowledgement yet) has no series. */
    private static List<Row<?>> rows(Map<String, Figures> perState, Function<Figures, Number> value) {
        return perState.entrySet().stream()
                .filter(state -> value.apply(state.getValue()) != null)
                .<Row<?>>map(state -> Row.of(Tags.of("state", state.getKey()), value.apply(state.getValue())))
                .toList();
    }

    private static Double seconds(Long millis) {
        return millis == null ? null : millis / MILLIS_PER_SECOND;
    }
}
