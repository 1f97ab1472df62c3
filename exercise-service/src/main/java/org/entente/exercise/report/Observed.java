package org.entente.exercise.report;

import java.time.Duration;
import java.util.List;

import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentResult;
import org.entente.events.DataCategory;

/**
 * What a replay's runner saw happen, in scenario time ({@code at} from the start of the
 * exercise), each tied to the inject it follows from. Alerts are identified by inject and
 * recipient state: there is one alert per incident and recipient.
 */
public sealed interface Observed {

    Duration at();

    String inject();

    /** The state an event belongs to in the report's timelines. */
    String state();

    /** The exercise reported the inject's incident. */
    record InjectSent(Duration at, String inject, String reportingState) implements Observed {
        @Override
        public String state() {
            return reportingState;
        }
    }

    /**
     * An alert left for a recipient, under the agreement that governs it (and every agreement
     * that covered the pair), with the data categories that went out and those withheld.
     */
    record AlertIssued(Duration at, String inject, String recipientState, Agreement agreement,
            List<Agreement> covering, List<DataCategory> disclosed, List<Withheld> withheld) implements Observed {
        @Override
        public String state() {
            return recipientState;
        }
    }

    record Acknowledged(Duration at, String inject, String recipientState, String contactId) implements Observed {
        @Override
        public String state() {
            return recipientState;
        }
    }

    /** The alert went down the recipient's chain to {@code level} (1 is the backup). */
    record Escalated(Duration at, String inject, String recipientState, int level, String contactId)
            implements Observed {
        @Override
        public String state() {
            return recipientState;
        }
    }

    /** A commitment on the recipient's alert ended honoured, late or missed; {@code dueAt} is its deadline. */
    record CommitmentOutcome(Duration at, String inject, String recipientState, CommitmentKind kind,
            CommitmentResult result, Duration dueAt) implements Observed {
        @Override
        public String state() {
            return recipientState;
        }
    }

    record Agreement(String id, int version) {
        @Override
        public String toString() {
            return id + " v" + version;
        }
    }

    /** A data category the incident had but the alert did not carry, and the agreements' reason. */
    record Withheld(DataCategory category, String reason) {
    }
}
