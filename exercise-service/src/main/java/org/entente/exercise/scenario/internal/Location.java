package org.entente.exercise.scenario.internal;

import org.snakeyaml.engine.v2.exceptions.Mark;

/** A 1-based line and column in the scenario file. */
record Location(int line, int column) {

    static Location of(Mark mark) {
        return new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
