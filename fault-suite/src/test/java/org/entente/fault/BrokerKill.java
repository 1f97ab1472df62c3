package org.entente.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.entente.schemas.Topics;
import org.entente.testing.process.Broker;

/**
 * On three Kafka nodes (every topic with three replicas, min.insync.replicas 2), the node leading
 * most partitions of {@code alert.events.v1} is killed with SIGKILL while incidents flow, stays
 * dead {@code entente.fault.broker-outage} (from the kill), and starts again on its data. A write
 * with acks=all needs two in-sync replicas: two nodes remain, in sync, and take over the killed
 * node's partitions once the controller fences it, so nothing accepted may be lost or duplicated.
 * <p>
 * Shown, or the scenario fails: before the kill, every partition of the cluster (internal topics
 * included) with three replicas, all in sync, and min.insync.replicas 2 on every topic (Admin
 * {@code describeTopics}, {@code describeConfigs}); the node killed, and whether it was the active
 * controller; while it is away, every partition led by another node with the killed one out of
 * its in-sync replicas; once the alerts are counted, every partition back to three in-sync
 * replicas (within 60 s).
 * Leadership is not moved back here: the preferred leader returns with the broker's periodic
 * leader rebalance, minutes later.
 */
final class BrokerKill extends BrokerOutage {

    static final int NODES = 3;
    static final int MIN_IN_SYNC = 2;

    @Override
    int brokers() {
        return NODES;
    }

    /**
     * At most a tenth of the reports refused. Until the controller fences the killed node
     * ({@code broker.session.timeout.ms}, 9 s by default; leaders moved 8.5 to 11.2 s after the
     * kill here, the longest when the node killed was the active controller), nobody leads its
     * partitions, and a report keyed to one of them waits about as long as the intake's
     * acknowledgement timeout ({@code entente.kafka.ack-timeout}, 10 s): some are answered 503,
     * outcome unknown (and mostly stored all the same). Only those reaching the intake in those
     * seconds and keyed to a third of the partitions can be: about a quarter of a third of the
     * traffic. Measured: 0 of 473, 3 of 443 (3 stored), 13 of 446 (9 stored).
     */
    @Override
    double refusalShare() {
        return 0.1;
    }

    @Override
    String name() {
        return "broker-kill";
    }

    @Override
    Outage takeAway(Run run) {
        Map<TopicPartition, TopicPartitionInfo> before = partitions(run);
        requireReplicated(run, before);
        int victim = leaderOfMost(before, Topics.ALERTS.name());
        Broker node = run.cluster.brokers().node(victim);
        int controller = activeController(run);
        long pid = node.pid();
        node.kill();
        Instant killed = Instant.now();
        run.evidence("SIGKILL to Kafka node %d (pid %d, %s), leader of %d of the partitions of %s and of %d of the %d partitions",
                victim, pid, controller == victim ? "the active controller" : "node " + controller + " the active controller",
                ledBy(before, victim, Topics.ALERTS.name()), Topics.ALERTS.name(), ledBy(before, victim, null), before.size());

        // While the node is away: evidence found after it is back would prove nothing.
        Map<TopicPartition, TopicPartitionInfo> shrunk = await(run, killed.plus(run.cluster.settings().brokerOutage()),
                info -> info.leader() != null && info.leader().id() != victim && !ids(info.isr()).contains(victim));
        if (shrunk == null) {
            run.problem("while node %d was away, not every partition had another leader and it out of its in-sync replicas", victim);
        } else {
            run.evidence("%d ms after the kill: every partition led by a node left, node %d out of every in-sync replica set "
                    + "(3 to 2); leaders of %s moved: %s", Duration.between(killed, Instant.now()).toMillis(), victim,
                    Topics.ALERTS.name(), moved(before, shrunk, victim, Topics.ALERTS.name()));
        }
        return new Outage(killed, () -> {
            Instant restarting = Instant.now();
            node.start();
            run.evidence("node %d started again on its data, unfenced after %d ms", victim,
                    Duration.between(restarting, Instant.now()).toMillis());
        });
    }

    @Override
    void checkRecovered(Run run) {
        Map<TopicPartition, TopicPartitionInfo> expanded = await(run, Instant.now().plusSeconds(60),
                info -> info.isr().size() == NODES);
        if (expanded == null) {
            run.problem("within 60 s of the count, not every partition had %d in-sync replicas again", NODES);
        } else {
            run.evidence("in-sync replicas back to %d on all %d partitions", NODES, expanded.size());
        }
    }

    /** Every partition with {@value #NODES} replicas, all in sync, and min.insync.replicas {@value #MIN_IN_SYNC} on every topic. */
    private static void requireReplicated(Run run, Map<TopicPartition, TopicPartitionInfo> partitions) {
        List<String> underReplicated = partitions.entrySet().stream()
                .filter(entry -> entry.getValue().replicas().size() != NODES || entry.getValue().isr().size() != NODES)
                .map(entry -> entry.getKey().toString()).toList();
        Set<String> topics = partitions.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        Map<String, String> otherMinInSync = new TreeMap<>();
        minInSyncReplicas(run, topics).forEach((topic, value) -> {
            if (!value.equals(String.valueOf(MIN_IN_SYNC))) {
                otherMinInSync.put(topic, value);
            }
        });
        if (!underReplicated.isEmpty() || !otherMinInSync.isEmpty()) {
            run.problem("before the kill: partitions without %d replicas all in sync: %s; min.insync.replicas other than %d: %s",
                    NODES, underReplicated, MIN_IN_SYNC, otherMinInSync);
        } else {
            run.evidence("before the kill: all %d partitions of %d topics with %d replicas, all in sync; min.insync.replicas %d on "
                    + "every topic", partitions.size(), topics.size(), NODES, MIN_IN_SYNC);
        }
    }

    /** The node leading most partitions of {@code topic}; of several, the lowest id. */
    static int leaderOfMost(Map<TopicPartition, TopicPartitionInfo> partitions, String topic) {
        Map<Integer, Long> led = partitions.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue().leader() != null)
                .collect(Collectors.groupingBy(entry -> entry.getValue().leader().id(), TreeMap::new, Collectors.counting()));
        if (led.isEmpty()) {
            throw new IllegalStateException("No leader of " + topic);
        }
        long most = Collections.max(led.values());
        return led.entrySet().stream().filter(entry -> entry.getValue() == most).findFirst().orElseThrow().getKey();
    }

    /** Every partition of every topic of the cluster, internal ones included. */
    private static Map<TopicPartition, TopicPartitionInfo> partitions(Run run) {
        try {
            Set<String> topics = run.cluster.admin().listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, TopicPartitionInfo> partitions = new TreeMap<>(
                    Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
            run.cluster.admin().describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(info -> partitions.put(new TopicPartition(topic, info.partition()), info)));
            return partitions;
        } catch (Exception e) {
            throw new IllegalStateException("Could not describe the cluster's topics", e);
        }
    }

    /** Each topic's effective min.insync.replicas (its own, or the broker's default). */
    private static Map<String, String> minInSyncReplicas(Run run, Set<String> topics) {
        List<ConfigResource> resources = topics.stream().map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        try {
            Map<ConfigResource, Config> configs = run.cluster.admin().describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
            Map<String, String> minInSync = new TreeMap<>();
            configs.forEach((resource, config) -> minInSync.put(resource.name(),
                    config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()));
            return minInSync;
        } catch (Exception e) {
            throw new IllegalStateException("Could not describe the topics' configuration", e);
        }
    }

    /** The partitions once {@code condition} holds for every one of them, or null if it did not by {@code deadline}. */
    private static Map<TopicPartition, TopicPartitionInfo> await(Run run, Instant deadline, Predicate<TopicPartitionInfo> condition) {
        while (Instant.now().isBefore(deadline)) {
            Map<TopicPartition, TopicPartitionInfo> now = partitions(run);
            if (now.values().stream().allMatch(condition)) {
                return now;
            }
            Broker.sleep(200);
        }
        return null;
    }

    private static int activeController(Run run) {
        try {
            return run.cluster.admin().describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
        } catch (Exception e) {
            throw new IllegalStateException("Could not describe the controller quorum", e);
        }
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    /** Partitions (of {@code topic}, or of all if null) led by {@code node}. */
    private static long ledBy(Map<TopicPartition, TopicPartitionInfo> partitions, int node, String topic) {
        return partitions.entrySet().stream().filter(entry -> topic == null || entry.getKey().topic().equals(topic))
                .filter(entry -> entry.getValue().leader() != null && entry.getValue().leader().id() == node).count();
    }

    /** e.g. {@code 0 1→2, 3 1→3}: the topic's partitions the killed node led, and their leader now. */
    private static String moved(Map<TopicPartition, TopicPartitionInfo> before, Map<TopicPartition, TopicPartitionInfo> after,
            int node, String topic) {
        return before.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue().leader() != null
                        && entry.getValue().leader().id() == node)
                .map(entry -> entry.getKey().partition() + " " + node + "→" + after.get(entry.getKey()).leader().id())
                .collect(Collectors.joining(", "));
    }
}
