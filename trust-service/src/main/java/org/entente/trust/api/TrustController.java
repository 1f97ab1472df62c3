package org.entente.trust.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.entente.platform.caller.Caller;
import org.entente.platform.caller.Role;
import org.entente.platform.states.KnownStates;
import org.entente.trust.figures.Figures;
import org.entente.trust.figures.Subject;
import org.entente.trust.figures.TrustCalculator;
import org.entente.trust.figures.Window;
import org.entente.trust.outcomes.OutcomesUnavailableException;
import org.entente.trust.outcomes.TallyStores;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Trust figures for people. Operators and coordinators read everything; a point of contact reads
 * its own state and the pairs its state is part of, and finds nothing of other states. A state
 * code in a path must be a registered state (400 naming it otherwise).
 */
@RestController
@RequestMapping("/api/v1/trust")
class TrustController {

    private static final String HUB = "hasAnyRole('OPERATOR', 'COORDINATOR')";
    private static final String HUB_OR_POC = "hasAnyRole('OPERATOR', 'COORDINATOR', 'POC')";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public record StatesTrust(String window, Map<String, Figures> states) {
    }

    public record StateTrust(String window, String state, Figures figures) {
    }

    public record PairTrust(String window, String from, String to, Figures figures) {
    }

    public record AgreementTrust(String window, String agreementId, Figures figures) {
    }

    private final TallyStores tallies;
    private final TrustCalculator calculator;
    private final KnownStates states;

    TrustController(TallyStores tallies, TrustCalculator calculator, KnownStates states) {
        this.tallies = tallies;
        this.calculator = calculator;
        this.states = states;
    }

    @GetMapping("/states")
    @PreAuthorize(HUB)
    StatesTrust states(@RequestParam(defaultValue = "all") String window) {
        Window checked = check().window(window).validWindow();
        return new StatesTrust(checked.label(), calculator.perRecipientState(tallies.commitments(), checked));
    }

    @GetMapping("/states/{code}")
    @PreAuthorize(HUB_OR_POC)
    StateTrust state(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "all") String window) {
        Window checked = check().window(window).stateCode("code", code).validWindow();
        requireInvolved(caller, code);
        return new StateTrust(checked.label(), code, calculator.figures(tallies.commitments(), new Subject.State(code), checked));
    }

    @GetMapping("/pairs/{from}/{to}")
    @PreAuthorize(HUB_OR_POC)
    PairTrust pair(Caller caller, @PathVariable String from, @PathVariable String to,
            @RequestParam(defaultValue = "all") String window) {
        Window checked = check().window(window).stateCode("from", from).stateCode("to", to).validWindow();
        requireInvolved(caller, from, to);
        return new PairTrust(checked.label(), from, to,
                calculator.figures(tallies.commitments(), new Subject.Pair(from, to), checked));
    }

    @GetMapping("/agreements/{agreementId}")
    @PreAuthorize(HUB)
    AgreementTrust agreement(@PathVariable String agreementId, @RequestParam(defaultValue = "all") String window) {
        Window checked = check().window(window).validWindow();
        return new AgreementTrust(checked.label(), agreementId,
                calculator.figures(tallies.commitments(), new Subject.Agreement(agreementId), checked));
    }

    /** Communication checks: a figure of their own, never mixed with the commitments above. */
    @GetMapping("/communication-checks")
    @PreAuthorize(HUB)
    StatesTrust communicationChecks(@RequestParam(defaultValue = "all") String window) {
        Window checked = check().window(window).validWindow();
        return new StatesTrust(checked.label(), calculator.perRecipientState(tallies.communicationChecks(), checked));
    }

    @GetMapping("/communication-checks/{code}")
    @PreAuthorize(HUB_OR_POC)
    StateTrust communicationChecksOf(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "all") String window) {
        Window checked = check().window(window).stateCode("code", code).validWindow();
        requireInvolved(caller, code);
        return new StateTrust(checked.label(), code,
                calculator.figures(tallies.communicationChecks(), new Subject.State(code), checked));
    }

    private ParameterCheck check() {
        return new ParameterCheck(states);
    }

    @ExceptionHandler(OutcomesUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "Trust figures are being rebuilt from Kafka; retry shortly."));
    }

    /** Another state's figures are not found for a point of contact, as if they did not exist. */
    private static void requireInvolved(Caller caller, String... states) {
        boolean hub = caller.has(Role.OPERATOR) || caller.has(Role.COORDINATOR);
        if (!hub && Arrays.stream(states).noneMatch(caller::actsFor)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No trust figures here.");
        }
    }
}
