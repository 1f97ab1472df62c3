package org.entente.platform.deadletter;

import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.entente.schemas.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

/**
 * Dead-letter topics for the Kafka Streams applications of a service: with
 * {@code entente-kafka-dead-letters.yml} imported, the binder's {@code sendToDlq} sends records
 * that do not deserialize, and {@link DeadLetterProcessingExceptionHandler} records that
 * processors reject, to {@code <topic>.dlq} as {@link DeadLetterRouting} says.
 */
@AutoConfiguration
@ConditionalOnClass({DlqDestinationResolver.class, KafkaStreams.class, BindingServiceProperties.class})
public class DeadLetterConfiguration {

    @Bean
    DeadLetterRouting deadLetterRouting(MeterRegistry meters, ObjectProvider<BindingServiceProperties> bindings) {
        DeadLetterRouting routing = new DeadLetterRouting(meters);
        routing.register(consumedCatalogueTopics(bindings.getIfAvailable()));
        return routing;
    }

    private static Set<String> consumedCatalogueTopics(BindingServiceProperties bindings) {
        Set<String> topics = new TreeSet<>();
        if (bindings == null) {
            return topics;
        }
        Set<String> catalogue = new TreeSet<>(Topics.ALL.stream().map(Topics.Topic::name).toList());
        bindings.getBindings().forEach((name, binding) -> {
            if (name.contains("-in-")) {
                // A stream binding may read several topics, listed as the binder takes them: comma-separated.
                for (String destination : StringUtils.commaDelimitedListToStringArray(binding.getDestination())) {
                    if (catalogue.contains(destination)) {
                        topics.add(destination);
                    }
                }
            }
        });
        return topics;
    }
}
