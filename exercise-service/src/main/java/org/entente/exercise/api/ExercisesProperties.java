package org.entente.exercise.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many exercises this instance keeps and queues.
 *
 * @param retained exercises kept in memory; beyond it the oldest that have ended are forgotten
 * @param queueCapacity replays that may wait behind the one running; beyond it a new one gets 503
 */
@ConfigurationProperties("entente.exercises")
public record ExercisesProperties(@DefaultValue("100") int retained, @DefaultValue("10") int queueCapacity) {
}
