package org.entente.platform.schemas;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A real in-JVM KRaft broker per test class (the testing module's shared broker depends on
 * platform, so platform's own tests start theirs), resolved as an {@code EmbeddedKafkaBroker}
 * parameter. Topics are only created on purpose, as in a cluster run by Entente's provisioning.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedKafka(brokerProperties = {
        "auto.create.topics.enable=false",
        "offsets.topic.num.partitions=2",
        "transaction.state.log.num.partitions=2",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0"})
public @interface EmbeddedBroker {
}
