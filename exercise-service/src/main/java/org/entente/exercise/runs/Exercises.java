package org.entente.exercise.runs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exercises started on this instance, in memory only: a restart forgets them. Beyond
 * {@code retained} exercises, the oldest that have ended are forgotten; those still queued or
 * running are kept.
 */
public final class Exercises {

    private final int retained;
    /** In the order they were started. */
    private final Map<String, Exercise> byId = new LinkedHashMap<>();

    public Exercises(int retained) {
        this.retained = retained;
    }

    public synchronized void add(Exercise exercise) {
        byId.put(exercise.id(), exercise);
        Iterator<Exercise> oldestFirst = byId.values().iterator();
        while (byId.size() > retained && oldestFirst.hasNext()) {
            if (oldestFirst.next().ended()) {
                oldestFirst.remove();
            }
        }
    }

    /** Records the exercise's new status. */
    synchronized void replace(Exercise exercise) {
        byId.replace(exercise.id(), exercise);
    }

    synchronized void remove(String id) {
        byId.remove(id);
    }

    /** The exercise if {@code owner} started it; another planner's is not found, as if it did not exist. */
    public synchronized Optional<Exercise> find(String owner, String id) {
        return Optional.ofNullable(byId.get(id)).filter(exercise -> exercise.owner().equals(owner));
    }

    /** The exercises {@code owner} started, newest first. */
    public synchronized List<Exercise> startedBy(String owner) {
        List<Exercise> started = new ArrayList<>(byId.values().stream().filter(exercise -> exercise.owner().equals(owner)).toList());
        Collections.reverse(started);
        return started;
    }
}
