package org.entente.exercise.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.entente.exercise.report.AfterActionReport;
import org.entente.exercise.runs.Exercise;
import org.entente.exercise.runs.ExerciseRunner;
import org.entente.exercise.runs.Exercises;
import org.entente.exercise.runs.Mode;
import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioParser;
import org.entente.platform.caller.Caller;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The planners' API: check a scenario, replay it, follow it and read its after-action report. An
 * exercise is its planner's alone: another planner's is not found, as if it did not exist.
 */
@RestController
@RequestMapping(ExercisesController.PATH)
@PreAuthorize("hasRole('PLANNER')")
class ExercisesController {

    static final String PATH = "/api/v1/exercises";
    /** An hour in a second: faster, delivering an alert takes a good part of its deadline in scenario time. */
    static final int MAX_SPEED = 3_600;
    /** The scenario file as sent: YAML's registered type, the one older tools use, or plain text. */
    private static final String YAML = MediaType.APPLICATION_YAML_VALUE;
    private static final String OLD_YAML = "text/yaml";
    private static final String TEXT = MediaType.TEXT_PLAIN_VALUE;

    record ScenarioSummary(String name, List<String> participants, int injects, int expectations) {
    }

    record Started(String id, String status) {
    }

    record ExerciseView(String id, String name, String mode, String status, Instant createdAt, Instant finishedAt,
            String failure) {

        static ExerciseView of(Exercise exercise) {
            return new ExerciseView(exercise.id(), exercise.name(), exercise.mode().label(), exercise.status().label(),
                    exercise.createdAt(), exercise.finishedAt(), exercise.failure());
        }
    }

    private final ExerciseRunner runner;
    private final Exercises exercises;

    ExercisesController(ExerciseRunner runner, Exercises exercises) {
        this.runner = runner;
        this.exercises = exercises;
    }

    @PostMapping(path = "/validations", consumes = {YAML, OLD_YAML, TEXT})
    ScenarioSummary validate(@RequestBody String yaml) {
        Scenario scenario = parse(yaml);
        return new ScenarioSummary(scenario.name(), scenario.participants(), scenario.injects().size(),
                scenario.expectations().size());
    }

    /**
     * Queues the replay and answers at once; the exercise's status says when its report is there.
     * A live replay plays {@code speed} times faster than real time (1, the default: real time).
     */
    @PostMapping(consumes = {YAML, OLD_YAML, TEXT})
    ResponseEntity<Started> start(@RequestParam String mode, @RequestParam(defaultValue = "1") double speed,
            @RequestBody String yaml, Caller caller) {
        Mode played = Mode.of(mode).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldViolation("mode", "must be one of " + String.join(", ", Mode.labels())))));
        if (!(speed >= 1 && speed <= MAX_SPEED)) {
            throw new InvalidRequestException(List.of(new FieldViolation("speed", "must be from 1 (real time) to " + MAX_SPEED)));
        }
        Exercise exercise = runner.start(caller.subject(), parse(yaml), played, speed);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + exercise.id()))
                .body(new Started(exercise.id(), exercise.status().label()));
    }

    @GetMapping
    List<ExerciseView> startedByCaller(Caller caller) {
        return exercises.startedBy(caller.subject()).stream().map(ExerciseView::of).toList();
    }

    @GetMapping("/{id}")
    ExerciseView exercise(@PathVariable String id, Caller caller) {
        return ExerciseView.of(ownedBy(caller, id));
    }

    /** JSON, Markdown or HTML, as the Accept header asks ({@link AfterActionReportConverter}). */
    @GetMapping(path = "/{id}/report",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_MARKDOWN_VALUE, MediaType.TEXT_HTML_VALUE})
    AfterActionReport report(@PathVariable String id, Caller caller) {
        Exercise exercise = ownedBy(caller, id);
        if (exercise.status() != Exercise.Status.FINISHED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Exercise " + id + " is " + exercise.status().label()
                    + "; it has a report once it has finished.");
        }
        return exercise.report();
    }

    private Exercise ownedBy(Caller caller, String id) {
        return exercises.find(caller.subject(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No exercise " + id + "."));
    }

    private static Scenario parse(String yaml) {
        return ScenarioParser.parse("scenario", yaml);
    }
}
