package org.entente.exercise.report;

/** An expectation as a sentence, whether the replay bore it out, and what it rests on. */
public record ExpectationResult(String expectation, boolean passed, String evidence) {
}
