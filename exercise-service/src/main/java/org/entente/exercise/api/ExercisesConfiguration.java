package org.entente.exercise.api;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.entente.exercise.replay.LiveReplay;
import org.entente.exercise.replay.ReplaySettings;
import org.entente.exercise.replay.SimulatedReplay;
import org.entente.exercise.runs.ExerciseRunner;
import org.entente.exercise.runs.Exercises;
import org.entente.exercise.runs.Mode;
import org.entente.exercise.runs.Replayer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The exercises of this instance and what replays them, simulated or live, on the service's own Kafka. */
@Configuration(proxyBeanMethods = false)
class ExercisesConfiguration {

    @Bean
    Exercises exercises(ExercisesProperties properties) {
        return new Exercises(properties.retained());
    }

    /**
     * Replays reach Kafka as the service's other clients do: spring.kafka's bootstrap servers and
     * security (entente-kafka-security.yml), which Boot's admin client settings hold.
     */
    @Bean
    ExerciseRunner exerciseRunner(Exercises exercises, ExercisesProperties properties, KafkaProperties kafka, Clock clock,
            MeterRegistry meters) {
        ReplaySettings settings = ReplaySettings.forClients(kafka.buildAdminProperties());
        Replayer simulated = (scenario, exerciseId, start, speed) -> new SimulatedReplay(settings, scenario, exerciseId, start).run();
        Replayer live = (scenario, exerciseId, start, speed) -> new LiveReplay(settings, scenario, exerciseId, start, speed, clock).run();
        return new ExerciseRunner(exercises, Map.of(Mode.SIMULATED, simulated, Mode.LIVE, live), properties.queueCapacity(), clock,
                meters);
    }

    @Bean
    AfterActionReportConverter afterActionReportConverter() {
        return new AfterActionReportConverter();
    }
}
