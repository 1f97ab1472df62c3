package org.entente.console;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are, as the browser reaches them, and how users sign in: with the embedded
 * default's local issuer (its key directory, which enables the sample sign-in) or with an OIDC
 * issuer (production; see README). Never both: sample tokens exist only where the services trust
 * the local issuer.
 */
@ConfigurationProperties("entente.console")
public record ConsoleSettings(Services services, Path localIssuer, URI oidcIssuer) {

    public record Services(URI incident, URI notification, URI trust) {
    }

    public ConsoleSettings {
        if (localIssuer != null && oidcIssuer != null) {
            throw new IllegalStateException("entente.console.local-issuer and entente.console.oidc-issuer exclude each other: "
                    + "sample sign-in is for the embedded default only");
        }
    }
}
