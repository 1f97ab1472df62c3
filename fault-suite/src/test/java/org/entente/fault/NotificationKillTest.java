package org.entente.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.Set;

import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** When the transaction open at the kill counts as ended without a commit, and when it does not. */
class NotificationKillTest {

    private static final TransactionDescription KILLED = transaction(TransactionState.ONGOING, 7, 3);

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
