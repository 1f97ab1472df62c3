package org.entente.platform.caller;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Static bearer tokens for the embedded default and tests: token → caller. Production leaves
 * this empty and configures an OAuth2 issuer instead.
 */
@ConfigurationProperties("entente.security")
public record CallerProperties(Map<String, StaticCaller> staticTokens) {

    public CallerProperties {
        staticTokens = staticTokens == null ? Map.of() : Map.copyOf(staticTokens);
    }

    public record StaticCaller(String subject, String state, Set<Role> roles) {
    }
}
