package org.entente.console;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the pages need to know at start: the services' base URLs and which sign-in applies. */
@RestController
class ConfigController {

    record ClientConfig(ConsoleSettings.Services services, boolean sampleSignIn, String oidcIssuer) {
    }

    private final ConsoleSettings settings;

    ConfigController(ConsoleSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/config.json")
    ClientConfig config() {
        return new ClientConfig(settings.services(), settings.localIssuer() != null,
                settings.oidcIssuer() == null ? null : settings.oidcIssuer().toString());
    }
}
