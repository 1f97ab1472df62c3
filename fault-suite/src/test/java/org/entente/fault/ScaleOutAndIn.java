package org.entente.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.entente.schemas.Topics;
import org.entente.testing.process.Broker;
import org.entente.testing.process.ServiceProcess;

/**
 * notification-service goes from one instance to two and back to one while incidents flow: a
 * second instance (own port, own state directory) starts, its Kafka Streams applications join the
 * groups and take partitions over (rebalance), then it is stopped (SIGTERM) and the first takes
 * everything back, restoring the moved stores from their changelogs.
 * <p>
 * Inboxes are read only at the end, from the one instance left: a notification-service instance
 * answers {@code GET /api/v1/alerts} from its local stores only (InboxView), so while two run each
 * sees only the states whose partitions it owns. The topic, read by the suite directly, is complete
 * at every moment.
 */
final class ScaleOutAndIn extends Scenario {

    static final String FANOUT = "notification-service-fanout";
    static final String LIFECYCLE = "notification-service-lifecycle";

    @Override
    String name() {
        return "scale-1-2-1";
    }

    @Override
    AlertCount.Result run(Run run) {
        Traffic traffic = run.traffic();
        run.at(run.traffic.dividedBy(6));
        Instant scaling = Instant.now();
        ServiceProcess second = run.cluster.scaleOutNotifications();
        run.note("second notification-service instance %s ready after %d ms", second.name(),
                Duration.between(scaling, Instant.now()).toMillis());
        awaitGroup(run, FANOUT, group -> group.members().size() == 2
                && group.members().stream().allMatch(member -> !member.assignment().topicPartitions().isEmpty()),
                "two members, each with partitions");
        // Stateful tasks (the inbox store) follow in a second, cooperative rebalance.
        awaitGroup(run, LIFECYCLE, group -> group.members().size() == 2
                && group.members().stream().allMatch(member -> !member.assignment().topicPartitions().isEmpty()),
                "two members, each with partitions");
        Broker.sleep(Math.max(5_000, run.traffic.dividedBy(4).toMillis()));
        Instant leaving = Instant.now();
        run.cluster.scaleIn(second);
        run.note("second instance stopped (SIGTERM) in %d ms", Duration.between(leaving, Instant.now()).toMillis());
        awaitGroup(run, FANOUT, group -> soleMemberHasEveryPartition(group, Topics.INCIDENTS.name()),
                "one member with all six partitions");
        // The lifecycle also reads the exercise clocks, co-partitioned with the alerts.
        awaitGroup(run, LIFECYCLE, group -> soleMemberHasEveryPartition(group, Topics.ALERTS.name()),
                "one member with all six partitions of " + Topics.ALERTS.name());
        run.stopTraffic(traffic);
        return run.countTraffic(traffic);
    }

    private static boolean soleMemberHasEveryPartition(ConsumerGroupDescription group, String topic) {
        return group.members().size() == 1 && group.members().iterator().next().assignment().topicPartitions().stream()
                .filter(partition -> partition.topic().equals(topic)).count() == 6;
    }

    private static void awaitGroup(Run run, String groupId, Predicate<ConsumerGroupDescription> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(90);
        ConsumerGroupDescription group = null;
        while (Instant.now().isBefore(deadline)) {
            group = describe(run, groupId);
            if (group != null && condition.test(group)) {
                run.note("%s: %s (%s)", groupId, what, assignments(group));
                return;
            }
            Broker.sleep(500);
        }
        run.problem("%s never had %s within 90 s; last: %s", groupId, what, group == null ? "none" : assignments(group));
    }

    private static ConsumerGroupDescription describe(Run run, String groupId) {
        try {
            return run.cluster.admin().describeConsumerGroups(List.of(groupId)).all().get(10, TimeUnit.SECONDS).get(groupId);
        } catch (Exception e) {
            return null;
        }
    }

    private static Map<String, String> assignments(ConsumerGroupDescription group) {
        Map<String, String> byMember = new TreeMap<>();
        for (MemberDescription member : group.members()) {
            byMember.put(member.host() + "/" + member.consumerId().substring(Math.max(0, member.consumerId().length() - 8)),
                    member.assignment().topicPartitions().stream().map(Object::toString).sorted().collect(Collectors.joining(",")));
        }
        return byMember;
    }
}
