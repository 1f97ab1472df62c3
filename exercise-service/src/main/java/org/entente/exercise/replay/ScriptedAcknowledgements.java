package org.entente.exercise.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.entente.events.AlertIssued;
import org.entente.exercise.scenario.Acknowledgement;
import org.entente.exercise.scenario.Scenario;
import org.entente.schemas.Topics;

/**
 * What the scenario's scripted points of contact do with the alerts delivered to them: each
 * acknowledgement at its scenario time, by the contact its script names (a backup found in the
 * scenario's or the live contact chains; one the chain lacks is not given). Points of contact
 * without a script never answer on their own.
 */
final class ScriptedAcknowledgements {

    /** An acknowledgement to write once scenario time reaches {@code at}. */
    record Planned(Instant at, ProducerRecord<String, SpecificRecord> record) {
    }

    private final Scenario scenario;
    private final ContactChains chains;
    private final ExerciseEvents events;
    private final ObservationLog log;

    ScriptedAcknowledgements(ScenarioRun run, ContactChains chains) {
        this.scenario = run.scenario();
        this.chains = chains;
        this.events = run.events();
        this.log = run.log();
    }

    List<Planned> of(List<AlertIssued> delivered) {
        List<Planned> planned = new ArrayList<>();
        for (AlertIssued alert : delivered) {
            Acknowledgement script = scenario.acknowledgementOf(alert.getRecipientState(), log.injectOf(alert))
                    .orElse(new Acknowledgement.Never());
            ScriptedAnswer.plan(script, alert, log.deliveredAt(alert.getAlertId())).ifPresent(answer -> {
                Optional<String> contact = answer.level() == 0 ? Optional.of(alert.getContactId())
                        : chains.at(alert.getRecipientState(), answer.level());
                contact.ifPresent(by -> planned.add(new Planned(answer.at(), new ProducerRecord<>(Topics.EXERCISE_ANSWERS.name(),
                        answer.recipientState(), events.acknowledgement(answer.alertId(), answer.recipientState(), by, answer.at())))));
            });
        }
        return planned;
    }
}
