package org.entente.platform.console;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the PoC console is served from: the browser origins allowed to call the services' APIs. */
@ConfigurationProperties("entente.console")
public record ConsoleProperties(@DefaultValue({"http://127.0.0.1:8080", "http://localhost:8080"}) List<String> origins) {
}
