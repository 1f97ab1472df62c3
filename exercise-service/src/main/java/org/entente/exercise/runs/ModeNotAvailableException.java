package org.entente.exercise.runs;

/** This service has no replay for the mode asked for. */
public class ModeNotAvailableException extends RuntimeException {

    ModeNotAvailableException(Mode mode) {
        super("Replays in " + mode.label() + " mode are not available.");
    }
}
