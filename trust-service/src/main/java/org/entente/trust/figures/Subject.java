package org.entente.trust.figures;

/** What a set of trust figures is about. */
public sealed interface Subject {

    boolean covers(Outcome outcome);

    /** A state, through the commitments it owed to everyone. */
    record State(String code) implements Subject {

        @Override
        public boolean covers(Outcome outcome) {
            return outcome.recipientState().equals(code);
        }
    }

    /** The commitments {@code to} owed to {@code from}, the state that reported. */
    record Pair(String from, String to) implements Subject {

        @Override
        public boolean covers(Outcome outcome) {
            return from.equals(outcome.reportingState()) && to.equals(outcome.recipientState());
        }
    }

    /** Every commitment owed under one agreement, whatever its version. */
    record Agreement(String agreementId) implements Subject {

        @Override
        public boolean covers(Outcome outcome) {
            return agreementId.equals(outcome.agreementId());
        }
    }
}
