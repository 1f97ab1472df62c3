package org.entente.trust.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the figures' precision and the {@code window} parameter mean, said once in the API
 * description: on the {@code Figures} schema and on every operation's {@code window}.
 */
@Component
class FiguresDocumentation implements OpenApiCustomizer {

    static final String FIGURES = "Counts and honouredRatio are exact. acknowledgeP50Millis and acknowledgeP90Millis are "
            + "nearest-rank percentiles (rank ⌈p/100 × n⌉ of the sorted response times) within 0.1%: the rank is exact, "
            + "the value is read from a histogram of 3 significant digits, the highest value it cannot tell apart from "
            + "the one at that rank, so never below it and less than 0.1% above it (exact below 2,048 ms).";
    static final String WINDOW = "all: every outcome. 30d: by UTC day of issue, the day that holds now − 30 days, every "
            + "day after it and today; so every alert issued from now − 30 days up to now, and those issued earlier on "
            + "that first day (up to a day more) and later today. At midnight UTC the oldest day leaves the window whole.";

    @Override
    public void customise(OpenAPI api) {
        Schema<?> figures = api.getComponents().getSchemas().get("Figures");
        if (figures != null) {
            figures.setDescription(FIGURES);
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(parameter -> "window".equals(parameter.getName()))
                        .forEach(parameter -> parameter.setDescription(WINDOW));
            }
        }));
    }
}
