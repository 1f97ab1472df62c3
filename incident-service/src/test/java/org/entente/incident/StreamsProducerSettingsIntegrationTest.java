package org.entente.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.ActiveProfiles;

/**
 * The HTTP producer gives up within seconds (a 503 to the caller), but a Kafka Streams producer
 * that gave up would stop the stream thread for good after a broker outage longer than its
 * delivery timeout. This reads the producer settings Kafka Streams itself derives from the
 * binder's configuration. Shares the context of {@link IncidentApiIntegrationTest}.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = IncidentServiceApplication.CONFIG_NAME)
class StreamsProducerSettingsIntegrationTest {

    @Autowired
    List<StreamsBuilderFactoryBean> streams;

    @Autowired
    ProducerFactory<Object, Object> httpProducers;

    @Test
    void shouldLetStreamsProducersWaitOutABrokerOutageWhileTheHttpProducerFailsFast() {
        assertThat(String.valueOf(httpProducers.getConfigurationProperties().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)))
                .isEqualTo("10000");

        assertThat(streams).isNotEmpty().allSatisfy(factory -> {
            Map<String, Object> producer = new StreamsConfig(factory.getStreamsConfiguration()).getProducerConfigs("probe");
            assertThat(String.valueOf(producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))).isEqualTo(String.valueOf(Integer.MAX_VALUE));
            assertThat(String.valueOf(producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG))).isEqualTo("60000");
        });
    }
}
