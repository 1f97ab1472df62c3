package org.entente.notification.reference;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param file the YAML file of states, contact chains and agreements seeded at start; none seeds nothing */
@ConfigurationProperties("entente.reference-data")
public record ReferenceDataProperties(Path file) {
}
