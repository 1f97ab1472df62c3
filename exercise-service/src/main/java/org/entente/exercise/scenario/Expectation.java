package org.entente.exercise.scenario;

import java.time.Duration;

/** Something the planner wants checked after the replay. */
public sealed interface Expectation {

    /** The state the expectation is about. */
    String state();

    /** The expectation as a sentence: "FI acknowledges grid-1 within 30m". */
    String describe();

    /** The state acknowledges its alert of the inject no later than {@code within} after it was issued. */
    record Acknowledges(String state, String inject, Duration within) implements Expectation {
        @Override
        public String describe() {
            return state + " acknowledges " + inject + " within " + ScenarioTime.span(within);
        }
    }

    record Receives(String state, String inject) implements Expectation {
        @Override
        public String describe() {
            return state + " receives " + inject;
        }
    }

    record DoesNotReceive(String state, String inject) implements Expectation {
        @Override
        public String describe() {
            return state + " does not receive " + inject;
        }
    }

    /** No alert to the state carries personal data: of the inject, or of any inject when {@code inject} is {@code null}. */
    record ReceivesNoPersonalData(String state, String inject) implements Expectation {
        @Override
        public String describe() {
            return state + " receives no personal data" + (inject == null ? "" : " in " + inject);
        }
    }

    /** The state's alert of the inject escalates from its primary contact to the next one in its chain. */
    record EscalatesToBackup(String state, String inject) implements Expectation {
        @Override
        public String describe() {
            return state + " escalates " + inject + " to its backup";
        }
    }
}
