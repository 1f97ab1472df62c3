package org.entente.incident.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a report waits for Kafka's acknowledgement before the reporter gets a 503. */
@ConfigurationProperties("entente.intake")
public record IntakeProperties(@DefaultValue("10s") Duration kafkaAckTimeout) {
}
