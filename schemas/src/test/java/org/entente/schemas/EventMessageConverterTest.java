package org.entente.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.entente.events.AlertIssued;
import org.entente.events.IncidentReported;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

class EventMessageConverterTest {

    private final EventMessageConverter converter = new EventMessageConverter();

    @Test
    void shouldWriteAndReadAnEventUnderItsContentType() {
        IncidentReported incident = Samples.incident();
        MessageHeaders headers = new MessageHeaders(Map.of(MessageHeaders.CONTENT_TYPE, EventMessageConverter.CONTENT_TYPE));

        Message<?> message = converter.toMessage(incident, headers);

        assertThat(message.getPayload()).isEqualTo(EventCodec.instance().encode(incident));
        assertThat(converter.fromMessage(message, IncidentReported.class)).isEqualTo(incident);
    }

    @Test
    void shouldNotConvertAnEventIntoAnotherType() {
        Message<byte[]> message = MessageBuilder.withPayload(EventCodec.instance().encode(Samples.incident()))
                .setHeader(MessageHeaders.CONTENT_TYPE, EventMessageConverter.CONTENT_TYPE)
                .build();

        assertThat(converter.fromMessage(message, AlertIssued.class)).isNull();
    }
}
