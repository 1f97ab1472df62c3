package org.entente.trust.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How often the trust gauges are recomputed from the tallies. */
@ConfigurationProperties("entente.trust.metrics")
public record TrustMetricsProperties(@DefaultValue("10s") Duration refreshInterval) {
}
