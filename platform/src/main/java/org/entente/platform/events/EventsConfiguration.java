package org.entente.platform.events;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The injectable clock every service reads time from, and the event metadata stamped with it. */
@AutoConfiguration
public class EventsConfiguration {

    /**
     * The system clock in UTC, shifted by {@code entente.clock.offset} (a duration such as
     * {@code 5m}, {@code -5m} or {@code PT-5M}; default none): a fault-injection hook that lets the
     * fault suite run one service with a skewed clock. Leave it unset everywhere else.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(Environment environment) {
        Duration offset = Binder.get(environment).bind("entente.clock.offset", Duration.class).orElse(Duration.ZERO);
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }

    @Bean
    EventMetadataFactory eventMetadataFactory(@Value("${spring.application.name}") String producer, Clock clock) {
        return new EventMetadataFactory(producer, clock);
    }
}
