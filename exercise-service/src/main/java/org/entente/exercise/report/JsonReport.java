package org.entente.exercise.report;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as JSON: fields in the order the report's records declare them, durations as
 * ISO-8601 ({@code PT20M}); nothing from the clock or a random source, so the same report is the
 * same bytes.
 */
public final class JsonReport {

    /** Line feeds, whatever the platform's line separator. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    private static final JsonMapper JSON = JsonMapper.builder()
            .defaultPrettyPrinter(PRETTY)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReport() {
    }

    public static String render(AfterActionReport report) {
        return JSON.writeValueAsString(report) + "\n";
    }
}
