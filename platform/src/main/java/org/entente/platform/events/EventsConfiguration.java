package org.entente.platform.events;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The injectable clock every service reads time from, and the event metadata stamped with it. */
@AutoConfiguration
public class EventsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventMetadataFactory eventMetadataFactory(@Value("${spring.application.name}") String producer, Clock clock) {
        return new EventMetadataFactory(producer, clock);
    }
}
