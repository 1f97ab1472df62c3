package org.entente.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExerciseKeysTest {

    @Test
    void shouldFindTheExerciseOfAnExerciseKey() {
        assertThat(ExerciseKeys.exerciseIdOf(ExerciseKeys.key("exercise-7", "EE"))).contains("exercise-7");
        assertThat(ExerciseKeys.exerciseIdOf("x|exercise-7|")).contains("exercise-7");
    }

    @Test
    void shouldFindNoExerciseInALiveOrMalformedKey() {
        assertThat(ExerciseKeys.exerciseIdOf("EE")).isEmpty();
        assertThat(ExerciseKeys.exerciseIdOf("x|exercise-7")).isEmpty();
        assertThat(ExerciseKeys.exerciseIdOf("x||EE")).isEmpty();
    }
}
