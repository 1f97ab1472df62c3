package org.entente.trust.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.entente.trust.figures.TrustCalculator;
import org.entente.trust.figures.Window;
import org.entente.trust.outcomes.OutcomesUnavailableException;
import org.entente.trust.outcomes.TallyStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All-time trust figures per recipient state as gauges: the commitments of real traffic
 * ({@code entente.trust.*}) and, as a figure of their own, the communication checks
 * ({@code entente.trust.communication.checks.*}).
 */
class TrustGauges {

    private static final Logger log = LoggerFactory.getLogger(TrustGauges.class);
    private static final FigureGauges.Names COMMITMENTS = new FigureGauges.Names("commitments owed",
            "entente.trust.honoured.ratio", "entente.trust.commitments",
            "entente.trust.acknowledge.p50.seconds", "entente.trust.acknowledge.p90.seconds");
    private static final FigureGauges.Names COMMUNICATION_CHECKS = new FigureGauges.Names("communication checks",
            "entente.trust.communication.checks.honoured.ratio", "entente.trust.communication.checks",
            "entente.trust.communication.checks.response.p50.seconds", "entente.trust.communication.checks.response.p90.seconds");

    private final TallyStores tallies;
    private final TrustCalculator calculator;
    private final FigureGauges commitments;
    private final FigureGauges communicationChecks;

    TrustGauges(MeterRegistry registry, TallyStores tallies, TrustCalculator calculator) {
        this.tallies = tallies;
        this.calculator = calculator;
        this.commitments = new FigureGauges(registry, COMMITMENTS);
        this.communicationChecks = new FigureGauges(registry, COMMUNICATION_CHECKS);
    }

    void refresh() {
        try {
            commitments.show(calculator.perRecipientState(tallies.commitments(), Window.ALL));
            communicationChecks.show(calculator.perRecipientState(tallies.communicationChecks(), Window.ALL));
        } catch (OutcomesUnavailableException e) {
            log.debug("Trust gauges keep their last values: {}", e.getMessage());
        }
    }
}
