package org.entente.trust.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.entente.trust.figures.Window;

/** Checks a request's parameters and names every bad one in a single 400. */
final class ParameterCheck {

    private static final Pattern STATE_CODE = Pattern.compile("[A-Z]{2}");

    private final List<FieldViolation> violations = new ArrayList<>();
    private Window window;

    ParameterCheck window(String label) {
        Window.parse(label).ifPresentOrElse(parsed -> window = parsed,
                () -> violations.add(new FieldViolation("window", "must be one of " + Window.labels())));
        return this;
    }

    ParameterCheck stateCode(String parameter, String code) {
        if (!STATE_CODE.matcher(code).matches()) {
            violations.add(new FieldViolation(parameter, "must be an ISO 3166-1 alpha-2 code such as EE"));
        }
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
