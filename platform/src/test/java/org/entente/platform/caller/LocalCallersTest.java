package org.entente.platform.caller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The embedded default's tokens, read as Spring Boot reads them (YAML 1.1, where NO means false). */
class LocalCallersTest {

    @Test
    void shouldGiveEverySampleStateAPocTokenForThatStateExactly() throws IOException {
        CallerProperties callers = load();

        for (String state : List.of("EE", "FI", "LV", "LT", "SE", "PL", "DE", "NO", "DK")) {
            CallerProperties.StaticCaller caller = callers.staticTokens().get("local-poc-" + state.toLowerCase());
            assertThat(caller.state()).as("state of %s's token", state).isEqualTo(state);
            assertThat(caller.roles()).containsExactly(Role.POC);
        }
    }

    @Test
    void shouldGiveHubRolesNoState() throws IOException {
        CallerProperties callers = load();

        assertThat(callers.staticTokens().get("local-coordinator")).isEqualTo(
                new CallerProperties.StaticCaller("coordinator", null, Set.of(Role.COORDINATOR)));
        assertThat(callers.staticTokens().get("local-oversight").state()).isNull();
    }

    private static CallerProperties load() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("callers", new ClassPathResource("entente-local-callers.yml"));
        StandardEnvironment environment = new StandardEnvironment();
        sources.forEach(environment.getPropertySources()::addFirst);
        return new Binder(ConfigurationPropertySources.get(environment))
                .bind("entente.security", CallerProperties.class).get();
    }
}
