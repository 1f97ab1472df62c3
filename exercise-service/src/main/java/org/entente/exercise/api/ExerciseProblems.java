package org.entente.exercise.api;

import java.net.URI;
import java.util.List;

import org.entente.exercise.runs.ModeNotAvailableException;
import org.entente.exercise.runs.ReplayQueueFullException;
import org.entente.exercise.scenario.InvalidScenarioException;
import org.entente.exercise.scenario.ScenarioLimitException;
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
    private static final URI SCENARIO_OVER_LIMIT = URI.create("https://entente.example.org/problems/scenario-over-limit");

    /** Where an error is in the scenario: 1-based line and column, and the key path of the offending key or value. */
    record ScenarioErrorAt(int line, int column, String path, String message) {
    }

    /** Every error of the scenario, in file order, so the planner fixes them all in one round. */
    @ExceptionHandler(InvalidScenarioException.class)
    ProblemDetail invalidScenario(InvalidScenarioException e) {
        int errors = e.errors().size();
        return scenarioProblem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_SCENARIO, "Invalid scenario",
                errors == 1 ? "1 error in the scenario." : errors + " errors in the scenario.", e);
    }

    /** A file past one of the reader's limits was not checked further: its one error says which limit. */
    @ExceptionHandler(ScenarioLimitException.class)
    ProblemDetail scenarioOverLimit(ScenarioLimitException e) {
        return scenarioProblem(HttpStatus.BAD_REQUEST, SCENARIO_OVER_LIMIT, "Scenario over a limit",
                "The scenario " + e.error().message() + ".", e);
    }

    private static ProblemDetail scenarioProblem(HttpStatus status, URI type, String title, String detail,
            InvalidScenarioException e) {
        List<ScenarioErrorAt> errors = e.errors().stream()
                .map(error -> new ScenarioErrorAt(error.line(), error.column(), error.path(), error.message()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
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
