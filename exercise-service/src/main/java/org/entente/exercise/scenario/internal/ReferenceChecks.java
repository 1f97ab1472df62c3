package org.entente.exercise.scenario.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Inline reference data: unique states, agreements and contacts; parties and chains of listed
 * states; ISO-8601 durations and instants that parse; every participant listed with a chain.
 */
final class ReferenceChecks {

    private ReferenceChecks() {
    }

    static void check(Element root, Findings findings) {
        Element reference = root.get("reference");
        if (!reference.node().isObject()) {
            return;
        }
        List<Element> states = reference.get("states").items().toList();
        List<Element> contacts = reference.get("contacts").items().toList();
        List<Element> agreements = reference.get("agreements").items().toList();
        Unique.check(states, "code", findings);
        Unique.check(contacts, "state", findings);
        Unique.check(agreements, "id", findings);
        Set<String> codes = texts(states.stream().map(state -> state.get("code")).toList());
        Set<String> withChain = texts(contacts.stream().map(chain -> chain.get("state")).toList());
        for (Element chain : contacts) {
            listed(chain.get("state"), codes, findings);
            Unique.check(chain.get("chain").items().toList(), "id", findings);
        }
        for (Element agreement : agreements) {
            agreement.get("parties").items().forEach(party -> listed(party, codes, findings));
            agreement.get("commitments").items().forEach(commitment -> {
                duration(commitment.get("within"), false, findings);
                duration(commitment.get("grace"), true, findings);
            });
            Optional<Instant> from = instant(agreement.get("validFrom"), findings);
            Optional<Instant> until = instant(agreement.get("validUntil"), findings);
            if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
                findings.at(agreement.get("validUntil").path(), "must be after validFrom");
            }
        }
        root.get("participants").items().forEach(participant -> participant.text().ifPresent(code -> {
            if (!codes.contains(code)) {
                findings.at(participant.path(), code + " is not among reference.states");
            } else if (!withChain.contains(code)) {
                findings.at(participant.path(), code + " has no contact chain in reference.contacts");
            }
        }));
    }

    private static Set<String> texts(List<Element> elements) {
        return elements.stream().flatMap(element -> element.text().stream()).collect(Collectors.toSet());
    }

    private static void listed(Element state, Set<String> codes, Findings findings) {
        state.text().filter(code -> !codes.contains(code))
                .ifPresent(code -> findings.at(state.path(), code + " is not among reference.states"));
    }

    private static void duration(Element value, boolean zeroAllowed, Findings findings) {
        value.text().ifPresent(text -> {
            Optional<Duration> duration = parse(() -> Duration.parse(text));
            if (duration.isEmpty() || duration.get().isNegative() || (!zeroAllowed && duration.get().isZero())) {
                findings.at(value.path(), "must be a " + (zeroAllowed ? "" : "positive ")
                        + "ISO-8601 duration such as PT30M or P30D");
            }
        });
    }

    private static Optional<Instant> instant(Element value, Findings findings) {
        Optional<Instant> instant = value.text().flatMap(text -> parse(() -> Instant.parse(text)));
        if (value.text().isPresent() && instant.isEmpty()) {
            findings.at(value.path(), "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
        return instant;
    }

    private static <T> Optional<T> parse(Supplier<T> parsing) {
        try {
            return Optional.of(parsing.get());
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
