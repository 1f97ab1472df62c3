package org.entente.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.Set;

import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Which transaction open at the kill is the evidence the scenario asks for (the fan-out's, with
 * alerts written in it), and when it counts as ended without a commit.
 */
class NotificationKillTest {

    private static final TransactionDescription KILLED = transaction(TransactionState.ONGOING, 7, 3);

    @Test
    void shouldTakeOnlyTheFanOutsProducersForTheFanOut() {
        assertThat(NotificationKill.ofFanOut("notification-service-fanout-4034523a-1488-410c-bce3-792cfd97e5d4-1")).isTrue();
        assertThat(NotificationKill.ofFanOut("notification-service-lifecycle-4034523a-1488-410c-bce3-792cfd97e5d4-1")).isFalse();
        assertThat(NotificationKill.ofFanOut("notification-service-ledger-4034523a-1488-410c-bce3-792cfd97e5d4-1")).isFalse();
        assertThat(NotificationKill.ofFanOut("incident-service-4034523a-1488-410c-bce3-792cfd97e5d4-1")).isFalse();
    }

    @Test
    void shouldTakeAsEvidenceOnlyAnOpenTransactionWithAlertsWrittenInIt() {
        assertThat(NotificationKill.openWithAlerts(KILLED)).isTrue();
        TopicPartition changelog = new TopicPartition("notification-service-fanout-fanout-incident-revisions-changelog", 0);
        assertThat(NotificationKill.openWithAlerts(new TransactionDescription(0, TransactionState.ONGOING, 7, 3, 10_000,
                OptionalLong.of(0), Set.of(changelog)))).isFalse();
        assertThat(NotificationKill.openWithAlerts(transaction(TransactionState.PREPARE_COMMIT, 7, 3))).isFalse();
        assertThat(NotificationKill.openWithAlerts(transaction(TransactionState.COMPLETE_ABORT, 7, 3))).isFalse();
    }

    @Test
    void shouldCountAnAbortedFencedOrVanishedTransactionAsEndedWithoutCommit() {
        assertThat(NotificationKill.endedWithoutCommit(KILLED, transaction(TransactionState.PREPARE_ABORT, 7, 3))).isTrue();
        assertThat(NotificationKill.endedWithoutCommit(KILLED, transaction(TransactionState.COMPLETE_ABORT, 7, 4))).isTrue();
        assertThat(NotificationKill.endedWithoutCommit(KILLED, transaction(TransactionState.ONGOING, 7, 5))).isTrue();
        assertThat(NotificationKill.endedWithoutCommit(KILLED, null)).isTrue();
    }

    @Test
    void shouldNotCountTheSameEpochStillOpenOrCommittedAsEndedWithoutCommit() {
        assertThat(NotificationKill.endedWithoutCommit(KILLED, transaction(TransactionState.ONGOING, 7, 3))).isFalse();
        assertThat(NotificationKill.endedWithoutCommit(KILLED, transaction(TransactionState.PREPARE_COMMIT, 7, 3))).isFalse();
        assertThat(NotificationKill.endedWithoutCommit(KILLED, transaction(TransactionState.COMPLETE_COMMIT, 7, 3))).isFalse();
    }

    private static TransactionDescription transaction(TransactionState state, long producerId, int epoch) {
        return new TransactionDescription(0, state, producerId, epoch, 10_000, OptionalLong.of(0),
                Set.of(new TopicPartition("alert.events.v1", 0)));
    }
}
