package org.entente.exercise.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.entente.events.AlertIssued;
import org.entente.exercise.report.Observed;
import org.entente.exercise.scenario.Inject;
import org.entente.exercise.scenario.Scenario;

/**
 * Replays a scenario through the running pipeline on the wall clock, {@code speed} times faster
 * (1: real time): the exercise's clock ({@code exercise.clocks.v1}) runs at that rate, so
 * notification-service delivers, escalates and judges deadlines as they fall due, compressed alike.
 * Each inject is reported when scenario time reaches it; each scripted acknowledgement is written
 * {@link #ANSWER_LEAD} of wall time before scenario time reaches it, stamped with its own time
 * (notification-service first applies what falls due before it), so that a moment's delay in the
 * replay never lets a deadline pass before an answer that came in time. Real points of contact
 * may answer exercise alerts in their inbox meanwhile (stamped on the exercise's clock). The exercise stays open for
 * {@link #OPEN_AFTER_LAST} of scenario time after the last inject or scripted answer; then it ends
 * as a simulated replay does: every deadline left is decided, the clock and the scenario's own
 * reference data removed.
 */
public final class LiveReplay {

    /** How long, in scenario time, real points of contact have to answer after the last scripted event. */
    static final Duration OPEN_AFTER_LAST = Duration.ofHours(1);
    static final Duration ANSWER_LEAD = Duration.ofSeconds(1);
    private static final Duration MOST_IDLE = Duration.ofMillis(200);

    private final ReplaySettings settings;
    private final ScenarioRun run;
    private final ExerciseEvents events;
    private final double speed;
    private final Clock wall;

    /**
     * @param speed how many times faster than real time scenario time runs (at least 1)
     * @param wall the clock the replay paces itself on
     */
    public LiveReplay(ReplaySettings settings, Scenario scenario, String exerciseId, Instant start, double speed, Clock wall) {
        if (!(speed >= 1)) {
            throw new IllegalArgumentException("a live replay runs at least at real time (speed 1), not " + speed);
        }
        this.settings = settings;
        this.run = new ScenarioRun(scenario, exerciseId, start);
        this.events = run.events();
        this.speed = speed;
        this.wall = wall;
    }

    /**
     * Runs the replay, taking about the scenario's length divided by {@code speed}; what it
     * observed, in scenario time, for {@code ReportBuilder}.
     *
     * @throws ReplayException when the pipeline did not answer in time or Kafka failed
     */
    public List<Observed> run() {
        return run.replay(settings, (steps, scripts) -> {
            Instant wallStart = wall.instant();
            steps.setClock(events.start(), wallStart, speed);
            play(steps, scripts, wallStart);
        });
    }

    private void play(ReplaySteps steps, ScriptedAcknowledgements scripts, Instant wallStart) {
        TreeMap<Instant, List<Inject>> injects = run.scenario().injects().stream().collect(Collectors.groupingBy(
                inject -> events.start().plus(inject.at()), TreeMap::new, Collectors.toList()));
        PriorityQueue<ScriptedAcknowledgements.Planned> answers = new PriorityQueue<>(
                Comparator.comparing(ScriptedAcknowledgements.Planned::at));
        Instant lastScripted = run.lastInject();
        while (true) {
            Instant now = scenarioTime(wallStart, wall.instant());
            Instant answersUpTo = scenarioTime(wallStart, wall.instant().plus(ANSWER_LEAD));
            for (Map.Entry<Instant, List<Inject>> due = injects.firstEntry(); due != null && !now.isBefore(due.getKey());
                    due = injects.firstEntry()) {
                injects.pollFirstEntry();
                List<AlertIssued> delivered = steps.report(due.getValue());
                for (ScriptedAcknowledgements.Planned answer : scripts.of(delivered)) {
                    answers.add(answer);
                    lastScripted = answer.at().isAfter(lastScripted) ? answer.at() : lastScripted;
                }
            }
            List<ProducerRecord<String, SpecificRecord>> dueAnswers = new ArrayList<>();
            while (!answers.isEmpty() && !answersUpTo.isBefore(answers.peek().at())) {
                dueAnswers.add(answers.poll().record());
            }
            steps.apply(dueAnswers);
            steps.observe();
            if (injects.isEmpty() && answers.isEmpty() && !now.isBefore(lastScripted.plus(OPEN_AFTER_LAST))) {
                return;
            }
            Instant next = wallAt(wallStart, lastScripted.plus(OPEN_AFTER_LAST));
            if (!injects.isEmpty()) {
                next = earlier(next, wallAt(wallStart, injects.firstKey()));
            }
            if (!answers.isEmpty()) {
                next = earlier(next, wallAt(wallStart, answers.peek().at()).minus(ANSWER_LEAD));
            }
            idleUntil(next);
        }
    }

    private static Instant earlier(Instant one, Instant other) {
        return other.isBefore(one) ? other : one;
    }

    /** Where the exercise's clock stands at wall instant {@code at}, as notification-service works it out. */
    private Instant scenarioTime(Instant wallStart, Instant at) {
        return events.start().plusMillis(Math.round(Duration.between(wallStart, at).toMillis() * speed));
    }

    /** The wall instant at which the exercise's clock reaches {@code scenarioTime}. */
    private Instant wallAt(Instant wallStart, Instant scenarioTime) {
        return wallStart.plusMillis(Math.round(Duration.between(events.start(), scenarioTime).toMillis() / speed));
    }

    /** Idles until {@code wallInstant}, at most {@link #MOST_IDLE}, so that what the pipeline does meanwhile is taken in. */
    private void idleUntil(Instant wallInstant) {
        long idle = Math.max(1, Math.min(Duration.between(wall.instant(), wallInstant).toMillis(), MOST_IDLE.toMillis()));
        try {
            Thread.sleep(idle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted", e);
        }
    }
}
