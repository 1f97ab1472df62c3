package org.entente.exercise.runs;

/** As many replays wait as the queue holds: a new one is refused rather than kept waiting for long. */
public class ReplayQueueFullException extends RuntimeException {

    ReplayQueueFullException(int waiting) {
        super("The replay queue is full (" + waiting + " waiting); start this one when a replay has finished.");
    }
}
