package org.entente.platform.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one caller may send.
 *
 * @param maxBodySize larger request bodies are refused with 413 before they are read
 * @param writesPerMinute changes (POST, PUT, PATCH, DELETE) per caller and minute, so that one PoC
 *        cannot flood partners with a fan-out storm; beyond it 429
 * @param readsPerMinute reads per caller and minute; beyond it 429
 */
@ConfigurationProperties("entente.http")
public record HttpLimitsProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("60") int writesPerMinute,
        @DefaultValue("1200") int readsPerMinute) {
}
