package org.entente.trust;

import java.time.Clock;

import org.entente.platform.states.KnownStates;
import org.entente.platform.states.StatesTable;
import org.entente.trust.figures.TrustCalculator;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.context.annotation.Bean;

/** Trust figures per state, directed pair and agreement, rebuilt from commitment outcomes on Kafka. */
@SpringBootApplication
public class TrustServiceApplication {

    /** Configuration lives in trust-service.yml, so all services can share one classpath (end-to-end tests). */
    public static final String CONFIG_NAME = "spring.config.name=trust-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(TrustServiceApplication.class).properties(CONFIG_NAME).run(args);
    }

    @Bean
    TrustCalculator trustCalculator(Clock clock) {
        return new TrustCalculator(clock);
    }

    /** The registered states, from the global table {@code recordOutcomes-in-2} materialises. */
    @Bean
    KnownStates knownStates(InteractiveQueryService queries) {
        return new StatesTable(queries, StatesTable.STORE);
    }
}
