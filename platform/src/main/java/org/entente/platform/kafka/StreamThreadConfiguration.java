package org.entente.platform.kafka;

import java.time.Clock;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Every Kafka Streams application of a service replaces a stream thread that died ({@link StreamThreadReplacement}). */
@AutoConfiguration
@ConditionalOnClass(KafkaStreams.class)
public class StreamThreadConfiguration {

    @Bean
    StreamsBuilderFactoryBeanConfigurer streamThreadReplacement() {
        return factory -> factory.setKafkaStreamsCustomizer(new StreamThreadReplacement(
                String.valueOf(factory.getStreamsConfiguration().get(StreamsConfig.APPLICATION_ID_CONFIG)), Clock.systemUTC()));
    }
}
