package org.entente.platform.caller;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded default's issuer: the public key set written by {@link LocalIssuer}. Set only in
 * the local profile and in tests; production configures
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} instead.
 */
@ConfigurationProperties("entente.security.local-issuer")
public record LocalIssuerProperties(Path publicKeys) {
}
