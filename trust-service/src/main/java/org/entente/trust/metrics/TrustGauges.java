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
import org.entente.trust.figures.TrustCalculator;
import org.entente.trust.figures.Window;
import org.entente.trust.outcomes.OutcomeStore;
import org.entente.trust.outcomes.OutcomesUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All-time trust figures per recipient state as gauges. Labels are state codes and result names
 * only, so the series stay bounded by the number of states.
 */
class TrustGauges {

    private static final Logger log = LoggerFactory.getLogger(TrustGauges.class);
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final OutcomeStore outcomes;
    private final TrustCalculator calculator;
    private final MultiGauge honouredRatio;
    private final MultiGauge commitments;
    private final MultiGauge acknowledgeP50;
    private final MultiGauge acknowledgeP90;

    TrustGauges(MeterRegistry registry, OutcomeStore outcomes, TrustCalculator calculator) {
        this.outcomes = outcomes;
        this.calculator = calculator;
        this.honouredRatio = MultiGauge.builder("entente.trust.honoured.ratio")
                .description("Commitments honoured on time / all commitments owed, all time, per recipient state")
                .register(registry);
        this.commitments = MultiGauge.builder("entente.trust.commitments")
                .description("Commitments owed, all time, per recipient state and result")
                .register(registry);
        this.acknowledgeP50 = MultiGauge.builder("entente.trust.acknowledge.p50.seconds")
                .description("Median time to acknowledge (nearest rank), all time, per recipient state")
                .register(registry);
        this.acknowledgeP90 = MultiGauge.builder("entente.trust.acknowledge.p90.seconds")
                .description("90th percentile time to acknowledge (nearest rank), all time, per recipient state")
                .register(registry);
    }

    void refresh() {
        SortedMap<String, Figures> perState;
        try {
            perState = calculator.perRecipientState(outcomes.all(), Window.ALL);
        } catch (OutcomesUnavailableException e) {
            log.debug("Trust gauges keep their last values: {}", e.getMessage());
            return;
        }
        honouredRatio.register(rows(perState, Figures::honouredRatio), true);
        acknowledgeP50.register(rows(perState, figures -> seconds(figures.acknowledgeP50Millis())), true);
        acknowledgeP90.register(rows(perState, figures -> seconds(figures.acknowledgeP90Millis())), true);
        commitments.register(perState.entrySet().stream()
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
