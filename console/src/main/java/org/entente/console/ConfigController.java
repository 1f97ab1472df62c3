package org.entente.console;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the pages need to know at start: the services' base URLs, which sign-in applies, and whether
 * the console listens beyond this machine (no {@code server.address}, or one that is not loopback),
 * which the pages warn about.
 */
@RestController
class ConfigController {

    record ClientConfig(ConsoleSettings.Services services, boolean sampleSignIn, String oidcIssuer,
            boolean listensBeyondLoopback) {
    }

    private final ConsoleSettings settings;
    private final boolean listensBeyondLoopback;

    ConfigController(ConsoleSettings settings, @Value("${server.address:}") String address) {
        this.settings = settings;
        this.listensBeyondLoopback = !isLoopback(address);
    }

    @GetMapping("/config.json")
    ClientConfig config() {
        return new ClientConfig(settings.services(), settings.localIssuer() != null,
                settings.oidcIssuer() == null ? null : settings.oidcIssuer().toString(), listensBeyondLoopback);
    }

    private static boolean isLoopback(String address) {
        if (address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
