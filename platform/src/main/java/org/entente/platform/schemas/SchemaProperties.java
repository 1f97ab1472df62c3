package org.entente.platform.schemas;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a lookup of a fingerprint this release does not know may wait for {@code schemas.v1}
 * to be read up to date ({@link KafkaSchemaStore}): the stream thread that met the record waits
 * that long at most before the record is dead-lettered.
 */
@ConfigurationProperties("entente.schemas")
public record SchemaProperties(@DefaultValue("2s") Duration lookupTimeout) {
}
