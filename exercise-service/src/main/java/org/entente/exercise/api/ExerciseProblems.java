package org.entente.exercise.api;

import java.net.URI;
import java.util.List;

import org.entente.exercise.runs.ModeNotAvailableException;
import org.entente.exercise.runs.ReplayQueueFullException;
import org.entente.exercise.scenario.InvalidScenarioException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the exercises API refuses, as problem details. Ahead of platform's advice, whose handler
 * of any exception would otherwise answer these with a 500.
 */
@RestControllerAdvice(assignableTypes = ExercisesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExerciseProblems {

    private static final URI INVALID_SCENARIO = URI.create("https://entente.example.org/problems/invalid-scenario");

    /** Where an error is in the scenario: 1-based line and column, and the key path of the offending key or value. */
    record ScenarioErrorAt(int line, int column, String path, String message) {
    }

    /** Every error of the scenario, in file order, so the planner fixes them all in one round. */
    @ExceptionHandler(InvalidScenarioException.class)
    ProblemDetail invalidScenario(InvalidScenarioException e) {
        List<ScenarioErrorAt> errors = e.errors().stream()
                .map(error -> new ScenarioErrorAt(error.line(), error.column(), error.path(), error.message()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                errors.size() == 1 ? "1 error in the scenario." : errors.size() + " errors in the scenario.");
        problem.setType(INVALID_SCENARIO);
        problem.setTitle("Invalid scenario");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(ModeNotAvailableException.class)
    ProblemDetail modeNotAvailable(ModeNotAvailableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ReplayQueueFullException.class)
    ProblemDetail queueFull(ReplayQueueFullException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
