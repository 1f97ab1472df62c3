package org.entente.incident.view;

import java.util.function.Consumer;

import org.apache.kafka.streams.kstream.KTable;
import org.entente.events.IncidentReported;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Materialises the incident topic into the {@value IncidentView#STORE} store (see the binding's
 * {@code materialized-as}); a restarted instance rebuilds it from Kafka.
 */
@Configuration(proxyBeanMethods = false)
class IncidentViewBinding {

    @Bean
    Consumer<KTable<String, IncidentReported>> recordIncident() {
        return incidents -> {
        };
    }
}
