package org.entente.testing.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of {@code count} local nodes, each a {@link Broker} (combined broker and
 * controller, every node a voter) with its own ports and data directory: {@code home} itself for
 * one node (the standalone broker, {@code kafka-1.log}), else {@code home}'s siblings
 * {@code <home>-1}, {@code <home>-2}, … (logs {@code kafka-2-1.log}: node 2, first start). With
 * three nodes every replication factor is 3 and min.insync.replicas 2, so acks=all survives one node
 * going away.
 */
public final class Brokers {

    private static final int LAST_NODE_GRACE_SECONDS = 10;

    private final List<Broker> nodes;

    public Brokers(String classpath, Path home, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A cluster needs a node");
        }
        if (count == 1) {
            nodes = List.of(new Broker(classpath, home));
            return;
        }
        List<Broker.Voter> voters = IntStream.rangeClosed(1, count).mapToObj(Broker.Voter::onFreePort).toList();
        String name = home.getFileName().toString();
        nodes = voters.stream().map(voter -> new Broker(classpath, home.resolveSibling(name + "-" + voter.nodeId()),
                name + "-" + voter.nodeId(), Ports.free(), voters, voter.nodeId())).toList();
    }

    /** Formats every node for one cluster and starts them together (none is ready before a quorum is). */
    public void create() {
        String clusterId = Uuid.randomUuid().toString();
        nodes.forEach(node -> node.format(clusterId));
        start();
    }

    /** Starts every node that is not running, together, and returns once each answers. */
    public void start() {
        List<Broker> stopped = nodes.stream().filter(node -> !node.alive()).toList();
        stopped.forEach(Broker::launch);
        stopped.forEach(node -> node.awaitReady(Duration.ofSeconds(90)));
    }

    /**
     * SIGTERM to every node, one after another. The last node's controlled shutdown needs a
     * majority of the controller quorum, which has gone with the others: it never completes, so
     * that node gets {@value #LAST_NODE_GRACE_SECONDS} s, then SIGKILL (it starts again on its
     * data all the same, after log recovery).
     */
    public void stop() {
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).stop(nodes.size() > 1 && i == nodes.size() - 1 ? LAST_NODE_GRACE_SECONDS : Broker.STOP_GRACE_SECONDS);
        }
    }

    public boolean allAlive() {
        return nodes.stream().allMatch(Broker::alive);
    }

    /** Every node's listener: clients find the cluster through any node that is up. */
    public String bootstrapServers() {
        return nodes.stream().map(Broker::bootstrapServers).collect(Collectors.joining(","));
    }

    public List<Broker> nodes() {
        return nodes;
    }

    public Broker node(int nodeId) {
        return nodes.stream().filter(node -> node.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No node " + nodeId));
    }
}
