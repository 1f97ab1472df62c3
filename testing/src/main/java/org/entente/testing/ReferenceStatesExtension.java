package org.entente.testing;

import org.entente.platform.states.KnownStates;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** See {@link WithReferenceStates}. */
public class ReferenceStatesExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        KafkaBrokerExtension.pointSpringAtTestBroker();
        ReferenceStates.register(SpringExtension.getApplicationContext(context).getBean(KnownStates.class));
    }
}
