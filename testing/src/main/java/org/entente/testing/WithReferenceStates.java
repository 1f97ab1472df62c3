package org.entente.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registers the states the tests' callers act for ({@link ReferenceStates#CODES}) on
 * {@code reference.states.v1}, as notification-service would, and waits until the service under
 * test knows them all, before the class's {@code @BeforeAll} methods run. Put it after
 * {@code @WithKafkaBroker}: it loads the test's Spring context. {@link ReferenceStates#UNREGISTERED}
 * is never registered.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ReferenceStatesExtension.class)
public @interface WithReferenceStates {
}
