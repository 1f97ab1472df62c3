package org.entente.platform.states;

import java.util.ArrayList;
import java.util.List;

import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;

/**
 * The states of the reference data (the coordinator registers them; {@code reference.states.v1}
 * carries them), as this service knows them now. A state code that enters from outside (a
 * token's {@code state} claim, a path variable, a query parameter, a body field) must be one of
 * them: a code that is not is refused, naming it, rather than taken as a state.
 */
@FunctionalInterface
public interface KnownStates {

    /**
     * Whether {@code code}, a well-formed code, is a registered state.
     *
     * @throws StatesUnavailableException while the states are not loaded: no answer is better than a wrong one
     */
    boolean contains(String code);

    /** Adds to {@code violations} what is wrong with {@code code} as {@code field}: missing, malformed or not registered. */
    default void check(List<FieldViolation> violations, String field, String code) {
        if (code == null || code.isBlank()) {
            violations.add(new FieldViolation(field, "is required"));
        } else if (!StateCodes.wellFormed(code)) {
            violations.add(new FieldViolation(field, StateCodes.MALFORMED));
        } else {
            checkRegistered(violations, field, code);
        }
    }

    /**
     * Adds a violation if {@code code} is well formed and not registered; says nothing of a
     * malformed code, for checks that report the form themselves.
     */
    default void checkRegistered(List<FieldViolation> violations, String field, String code) {
        if (StateCodes.wellFormed(code) && !contains(code)) {
            violations.add(new FieldViolation(field, StateCodes.unregistered(code)));
        }
    }

    /** @throws InvalidRequestException naming {@code field} unless {@code code} is a registered state */
    default void require(String field, String code) {
        List<FieldViolation> violations = new ArrayList<>();
        check(violations, field, code);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
