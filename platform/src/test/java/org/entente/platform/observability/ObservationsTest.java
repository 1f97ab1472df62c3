package org.entente.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which observations a service makes with the shared entente-observability.yml. */
class ObservationsTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ObservationAutoConfiguration.class)
    static class Observations {

        /** Without a handler every observation is a no-op, wanted or not. */
        @Bean
        ObservationHandler<Observation.Context> anyHandler() {
            return context -> true;
        }
    }

    @Test
    void shouldObserveRequestsAndKafkaSendsButNoSecurityStep() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Observations.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.import=classpath:entente-observability.yml", "spring.main.banner-mode=off")
                .run()) {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);

            assertThat(observed(registry, "http.server.requests")).isTrue();
            assertThat(observed(registry, "spring.kafka.template")).isTrue();
            assertThat(observed(registry, "spring.security.filterchains")).isFalse();
            assertThat(observed(registry, "spring.security.authentications")).isFalse();
            assertThat(observed(registry, "spring.security.authorizations")).isFalse();
            assertThat(observed(registry, "spring.security.http.secured.requests")).isFalse();
        }
    }

    private static boolean observed(ObservationRegistry registry, String name) {
        Observation observation = Observation.start(name, registry);
        observation.stop();
        return !observation.isNoop();
    }
}
