package org.entente.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.entente.events.EventMetadata;
import org.entente.events.StateProfile;
import org.entente.platform.states.KnownStates;
import org.entente.platform.states.StatesUnavailableException;
import org.entente.schemas.Topics;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The registered states of the tests of services that read them from {@code reference.states.v1}. */
public final class ReferenceStates {

    /** The states the tests' callers act for and name. */
    public static final List<String> CODES = List.of("DK", "EE", "FI", "LT", "LV", "SE");
    /** A well-formed code no test registers: a caller or a parameter naming it names no state. */
    public static final String UNREGISTERED = "ZZ";

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ReferenceStates() {
    }

    /**
     * What a service answers a valid token of {@link AccessMatrix#UNREGISTERED_POC}, whose state
     * is {@link #UNREGISTERED}: 403, with a problem detail that says the token is good and its
     * state is not.
     */
    public static void expectRefusedAsUnregistered(RestTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Token names no registered state")
                .jsonPath("$.detail").isEqualTo("The token is valid, but its state claim " + UNREGISTERED
                        + " is not a registered state, so it acts for no state here. The coordinator registers states.");
    }

    /** Publishes {@link #CODES} unless {@code states} knows them all already, then waits until it does. */
    static void register(KnownStates states) {
        if (knowsAll(states, CODES)) {
            return;
        }
        for (String code : CODES) {
            TopicProbe.write(Topics.STATES.name(), code,
                    new StateProfile(new EventMetadata("test-state-" + code, Instant.now(), "test", null), code, "State " + code));
        }
        awaitKnown(states, CODES);
    }

    /**
     * Waits until {@code states} knows every one of {@code codes}: a service reads the states
     * notification-service registers a moment after they are published.
     */
    public static void awaitKnown(KnownStates states, List<String> codes) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!knowsAll(states, codes)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The service did not learn the states " + codes + " within " + PATIENCE);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean knowsAll(KnownStates states, List<String> codes) {
        try {
            return codes.stream().allMatch(states::contains);
        } catch (StatesUnavailableException notLoaded) {
            return false;
        }
    }
}
