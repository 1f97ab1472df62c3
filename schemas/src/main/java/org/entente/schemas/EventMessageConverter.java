package org.entente.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.util.MimeType;

/** Spring message converter for Entente events, registered under {@link #CONTENT_TYPE}. */
public class EventMessageConverter extends AbstractMessageConverter {

    public static final MimeType CONTENT_TYPE = MimeType.valueOf("application/vnd.entente.event+avro");

    public EventMessageConverter() {
        super(CONTENT_TYPE);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return SpecificRecord.class.isAssignableFrom(type);
    }

    @Override
    protected Object convertFromInternal(Message<?> message, Class<?> targetClass, Object conversionHint) {
        SpecificRecord event = EventCodec.instance().decode((byte[]) message.getPayload());
        return targetClass.isInstance(event) ? event : null;
    }

    @Override
    protected Object convertToInternal(Object payload, org.springframework.messaging.MessageHeaders headers,
            Object conversionHint) {
        return EventCodec.instance().encode((SpecificRecord) payload);
    }
}
