package org.entente.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.schemas.Topics;
import org.entente.testing.process.Broker;
import org.entente.testing.process.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * Every input partition of notification-service and trust-service is replayed from offset 0: both
 * are stopped while incidents keep flowing, their consumer groups
 * ({@code notification-service-fanout}, {@code -lifecycle}, {@code -ledger}, {@code trust-service})
 * are set back to offset 0 with the Admin client, and they start again on empty state directories
 * (stores rebuilt from their changelogs, then every input record processed again).
 * <p>
 * What the design promises and the scenario checks: the fan-out reads every incident again but
 * issues no second {@code AlertIssued}: its store of the highest revision routed per incident,
 * restored from its changelog, marks what it had processed before the reset as duplicates, and it
 * routes only the rest; the lifecycle ignores an alert it already holds, so no second
 * {@code AlertDelivered}, no second inbox entry, no second outcome; trust-service stores outcomes
 * by alert and commitment, so its figures are unchanged. Any second copy counts as a duplicate.
 */
final class ReplayFromZero extends Scenario {

    static final Map<String, String> INPUTS = Map.of(
            "notification-service-fanout", Topics.INCIDENTS.name(),
            "notification-service-lifecycle", Topics.ALERTS.name(),
            "notification-service-ledger", Topics.DISCLOSURES.name(),
            "trust-service", Topics.COMMITMENT_OUTCOMES.name());

    @Override
    String name() {
        return "replay-from-zero";
    }

    @Override
    AlertCount.Result run(Run run) {
        FaultCluster cluster = run.cluster;
        Traffic traffic = run.traffic();
        run.at(run.traffic.dividedBy(3));

        // Outcomes for trust to keep: acknowledge every alert to FI of the reports accepted so far.
        Set<String> acknowledged = acknowledgeAll(run, traffic.accepted(), "FI");
        run.note("acknowledged %d alerts to FI through the API", acknowledged.size());
        int outcomes = awaitOutcomes(run, acknowledged);
        JsonNode before = awaitTrustCounting(run, outcomes);
        run.note("trust figures before the replay count %d outcomes: %s", outcomes, before);

        ServiceProcess notifications = cluster.notifications();
        ServiceProcess trust = cluster.trust();
        List.of(notifications, trust).parallelStream().forEach(ServiceProcess::stop);
        Map<TopicPartition, Long> fanOutCommitted = committed(run, "notification-service-fanout");
        Map<TopicPartition, Long> outcomesEnd = endOffsets(run, Topics.COMMITMENT_OUTCOMES.name());
        INPUTS.forEach((group, topic) -> resetToZero(run, group, topic));
        run.note("stopped both; fan-out had committed %s; every group set back to offset 0", fanOutCommitted);

        notifications.useStateDir(cluster.stateDir(notifications.name() + "-" + run.tag));
        trust.useStateDir(cluster.stateDir(trust.name() + "-" + run.tag));
        Instant restarting = Instant.now();
        notifications.start();
        trust.start();
        notifications.awaitReady(FaultCluster.READY);
        trust.awaitReady(FaultCluster.READY);
        run.note("both restarted on empty state directories, ready after %d ms", Duration.between(restarting, Instant.now()).toMillis());
        run.stopTraffic(traffic);

        return run.countTraffic(traffic, count -> {
            run.note("alerts by number of AlertIssued records (1 each: the replay re-issues nothing): %s",
                    count.issuedCopiesHistogram());
            awaitReplayed(run, "trust-service", outcomesEnd);
            JsonNode after = awaitTrustCounting(run, outcomes);
            run.note("trust figures after the replay: %s", after);
            if (!after.equals(before)) {
                run.problem("trust figures changed by the replay: before %s, after %s", before, after);
            }
            Map<String, Integer> outcomeCopies = outcomeCopies(run, acknowledged);
            long twice = outcomeCopies.values().stream().filter(copies -> copies > 1).count();
            if (twice > 0 || outcomeCopies.size() != acknowledged.size()) {
                run.problem("%d of %d acknowledged alerts have an outcome recorded more than once; %d have none", twice,
                        acknowledged.size(), acknowledged.size() - outcomeCopies.size());
            }
        });
    }

    /** Acknowledges, as the recipient, every alert to {@code recipient} of these reports; returns their ids. */
    private static Set<String> acknowledgeAll(Run run, List<Traffic.Report> reports, String recipient) {
        Set<String> pending = reports.stream()
                .filter(report -> FaultCluster.recipients(report.reportingState(), "energy").contains(recipient))
                .map(report -> AlertCount.alertId(report.incidentId(), recipient))
                .collect(Collectors.toCollection(HashSet::new));
        Set<String> done = new HashSet<>();
        Instant deadline = Instant.now().plusSeconds(60);
        String url = run.cluster.notifications().baseUrl();
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            for (String alertId : new ArrayList<>(pending)) {
                int status = run.cluster.api().acknowledge(url, recipient, alertId);
                if (status == 202 || status == 200) {
                    pending.remove(alertId);
                    done.add(alertId);
                }
            }
            if (!pending.isEmpty()) {
                Broker.sleep(500);
            }
        }
        if (!pending.isEmpty()) {
            run.problem("%d alerts to %s could not be acknowledged within 60 s", pending.size(), recipient);
        }
        return done;
    }

    /** Waits until every acknowledged alert has its outcome on the topic; returns how many real outcomes the topic holds. */
    private static int awaitOutcomes(Run run, Set<String> acknowledged) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Map<String, Integer> copies = outcomeCopies(run, acknowledged);
            if (copies.keySet().containsAll(acknowledged) || Instant.now().isAfter(deadline)) {
                return distinctRealOutcomes(run);
            }
            Broker.sleep(500);
        }
    }

    /** Outcome records per acknowledged alert id on commitment.outcomes.v1. */
    private static Map<String, Integer> outcomeCopies(Run run, Set<String> alertIds) {
        Map<String, Integer> copies = new HashMap<>();
        try (TopicReader reader = new TopicReader(run.cluster.bootstrapServers(), Topics.COMMITMENT_OUTCOMES.name())) {
            for (TopicReader.Read read : reader.catchUp()) {
                if (read.event() instanceof CommitmentOutcomeRecorded outcome && alertIds.contains(outcome.getAlertId())) {
                    copies.merge(outcome.getAlertId(), 1, Integer::sum);
                }
            }
        }
        return copies;
    }

    /** Distinct (alert, commitment) outcomes of real traffic on the topic: what trust-service counts. */
    private static int distinctRealOutcomes(Run run) {
        Set<String> keys = new HashSet<>();
        try (TopicReader reader = new TopicReader(run.cluster.bootstrapServers(), Topics.COMMITMENT_OUTCOMES.name())) {
            for (TopicReader.Read read : reader.catchUp()) {
                if (read.event() instanceof CommitmentOutcomeRecorded outcome && outcome.getMetadata().getExerciseId() == null) {
                    keys.add(outcome.getAlertId() + "/" + outcome.getKind());
                }
            }
        }
        return keys.size();
    }

    /** GET /api/v1/trust/states until it answers and its figures count {@code outcomes} outcomes. */
    private static JsonNode awaitTrustCounting(Run run, int outcomes) {
        Instant deadline = Instant.now().plusSeconds(90);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            var response = run.cluster.api().trustStates(run.cluster.trust().baseUrl());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode figures = Api.JSON.readTree(response.body());
                int counted = 0;
                for (JsonNode state : figures.get("states")) {
                    JsonNode f = state.has("figures") ? state.get("figures") : state;
                    counted += f.get("honoured").asInt() + f.get("late").asInt() + f.get("missed").asInt();
                }
                if (counted == outcomes) {
                    return figures;
                }
            }
            Broker.sleep(500);
        }
        throw new IllegalStateException("trust-service never counted " + outcomes + " outcomes; last answer: " + last);
    }

    /** Until the group has processed, again, every record that was on its input before the reset. */
    private static void awaitReplayed(Run run, String group, Map<TopicPartition, Long> endBefore) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            Map<TopicPartition, Long> committed = committed(run, group);
            // Transactional topics end with a commit marker, which a consumer's position may not pass yet.
            boolean replayed = endBefore.entrySet().stream()
                    .allMatch(end -> end.getValue() == 0 || committed.getOrDefault(end.getKey(), 0L) >= end.getValue() - 1);
            if (replayed) {
                run.note("%s has processed its input again up to %s", group, committed);
                return;
            }
            Broker.sleep(500);
        }
        run.problem("%s did not replay its input up to %s within 90 s", group, endBefore);
    }

    static Map<TopicPartition, Long> committed(Run run, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = run.cluster.admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            return committed;
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the offsets of " + group, e);
        }
    }

    static Map<TopicPartition, Long> endOffsets(Run run, String topic) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            run.cluster.admin().describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(partition -> request.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = run.cluster.admin().listOffsets(request).all()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> end = new HashMap<>();
            ends.forEach((partition, info) -> end.put(partition, info.offset()));
            return end;
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the end offsets of " + topic, e);
        }
    }

    /** Sets every partition of {@code topic} back to offset 0 for {@code group}, once the group is empty. */
    private static void resetToZero(Run run, String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
        endOffsets(run, topic).keySet().forEach(partition -> zero.put(partition, new OffsetAndMetadata(0)));
        Instant deadline = Instant.now().plusSeconds(60);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                run.cluster.admin().alterConsumerGroupOffsets(group, zero).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                // Members of the stopped instance linger until their session times out.
                last = e;
                Broker.sleep(1_000);
            }
        }
        throw new IllegalStateException("Could not set " + group + " back to offset 0", last);
    }
}
