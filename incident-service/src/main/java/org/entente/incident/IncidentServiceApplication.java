package org.entente.incident;

import org.entente.platform.states.KnownStates;
import org.entente.platform.states.StatesTable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IncidentServiceApplication {

    /** Configuration lives in incident-service.yml, so all services can share one classpath (end-to-end tests). */
    public static final String CONFIG_NAME = "spring.config.name=incident-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IncidentServiceApplication.class).properties(CONFIG_NAME).run(args);
    }

    /** The registered states, from the global table {@code recordIncident-in-1} materialises. */
    @Bean
    KnownStates knownStates(InteractiveQueryService queries) {
        return new StatesTable(queries, StatesTable.STORE);
    }
}
