package org.entente.trust.figures;

/** What a set of trust figures is about. */
public sealed interface Subject {

    boolean covers(TallyKey tally);

    /** A state, through the commitments it owed to everyone. */
    record State(String code) implements Subject {

        @Override
        public boolean covers(TallyKey tally) {
            return tally.recipientState().equals(code);
        }
    }

    /** The commitments {@code to} owed to {@code from}, the state that reported. */
    record Pair(String from, String to) implements Subject {

        @Override
        public boolean covers(TallyKey tally) {
            return from.equals(tally.reportingState()) && to.equals(tally.recipientState());
        }
    }

    /** Every commitment owed under one agreement, whatever its version. */
    record Agreement(String agreementId) implements Subject {

        @Override
        public boolean covers(TallyKey tally) {
            return agreementId.equals(tally.agreementId());
        }
    }
}
