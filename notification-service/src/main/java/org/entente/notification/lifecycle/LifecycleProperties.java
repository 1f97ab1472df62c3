package org.entente.notification.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkInterval how often deadlines are checked against the clock
 * @param settle how long after a grace period ends "missed" waits for a fulfilment still in flight
 */
@ConfigurationProperties("entente.deadlines")
public record LifecycleProperties(@DefaultValue("1s") Duration checkInterval, @DefaultValue("2s") Duration settle) {
}
