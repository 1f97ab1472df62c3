package org.entente.trust.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.entente.trust.figures.TrustCalculator;
import org.entente.trust.outcomes.TallyStores;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * Business meters of the trust service: gauges recomputed from the tallies every
 * {@code entente.trust.metrics.refresh-interval}, rather than on each scrape, so a scrape never
 * waits for a store read. The common {@code application} tag comes from
 * {@code management.metrics.tags.application}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(TrustMetricsProperties.class)
public class TrustMetricsConfiguration {

    @Bean
    TrustGauges trustGauges(MeterRegistry registry, TallyStores tallies, TrustCalculator calculator) {
        return new TrustGauges(registry, tallies, calculator);
    }

    @Bean
    SchedulingConfigurer trustGaugesRefresh(TrustGauges gauges, TrustMetricsProperties properties) {
        return registrar -> registrar.addFixedDelayTask(gauges::refresh, properties.refreshInterval());
    }
}
