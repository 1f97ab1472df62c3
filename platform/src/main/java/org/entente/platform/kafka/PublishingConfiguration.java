package org.entente.platform.kafka;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

@AutoConfiguration
public class PublishingConfiguration {

    @Bean
    DurablePublisher durablePublisher(KafkaTemplate<String, SpecificRecord> kafka,
            @Value("${entente.kafka.ack-timeout:10s}") Duration ackTimeout, MeterRegistry meters) {
        return new DurablePublisher(kafka, ackTimeout, meters);
    }
}
