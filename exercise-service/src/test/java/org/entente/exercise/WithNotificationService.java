package org.entente.exercise;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.entente.notification.NotificationServiceApplication;
import org.entente.testing.WithKafkaBroker;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The test class's Spring context is a real notification-service on the test broker, with the
 * local run's reference data, for replays to drive. Every class so annotated shares one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=${user.dir}/../deploy/local/reference-data.yml",
                // Each run's own state, on a broker that is new every run.
                "spring.cloud.stream.kafka.streams.binder.configuration.state.dir=${java.io.tmpdir}/entente-tests/${random.uuid}",
                "spring.cloud.stream.kafka.streams.binder.configuration.commit.interval.ms=100",
                "spring.cloud.stream.kafka.streams.binder.configuration.statestore.cache.max.bytes=0",
                "entente.topics.partitions=2",
                // The test key of notification-service-test.yml, which is not on this classpath.
                "entente.alerts.signing-key=ZG04ozbpcQIelU5aj/76XgqRKGuhHoraK3p7nA4BCOs="})
public @interface WithNotificationService {
}
