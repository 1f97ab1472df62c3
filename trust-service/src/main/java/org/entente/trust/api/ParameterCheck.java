package org.entente.trust.api;

import java.util.ArrayList;
import java.util.List;

import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.entente.platform.states.KnownStates;
import org.entente.trust.figures.Window;

/** Checks a request's parameters and names every bad one in a single 400. */
final class ParameterCheck {

    private final KnownStates states;
    private final List<FieldViolation> violations = new ArrayList<>();
    private Window window;

    ParameterCheck(KnownStates states) {
        this.states = states;
    }

    ParameterCheck window(String label) {
        Window.parse(label).ifPresentOrElse(parsed -> window = parsed,
                () -> violations.add(new FieldViolation("window", "must be one of " + Window.labels())));
        return this;
    }

    /** A registered state's code. */
    ParameterCheck stateCode(String parameter, String code) {
        states.check(violations, parameter, code);
        return this;
    }

    /** The window, once every parameter is valid. */
    Window validWindow() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return window;
    }
}
