package org.entente.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's console log looks like with the shared entente-observability.yml: one JSON
 * object per line (Elastic Common Schema) for log collectors, except in the embedded default.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    @Test
    void shouldWriteOneEcsJsonObjectPerLineOutsideTheLocalProfile(CapturedOutput output) {
        String line = logThrough(output, "structured probe");

        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("structured probe");
        assertThat(json.at("/log/level").asString()).isEqualTo("INFO");
        assertThat(json.at("/log/logger").asString()).isEqualTo("org.entente.probe");
        assertThat(json.has("@timestamp")).isTrue();
    }

    @Test
    void shouldWriteReadableLinesInTheLocalProfile(CapturedOutput output) {
        String line = logThrough(output, "readable probe", "local");

        assertThat(line).doesNotStartWith("{").contains("INFO").contains("org.entente.probe").endsWith("readable probe");
    }

    private static String logThrough(CapturedOutput output, String message, String... profiles) {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(NoBeans.class)
                .web(WebApplicationType.NONE)
                .profiles(profiles)
                .properties("spring.config.import=classpath:entente-observability.yml", "spring.main.banner-mode=off")
                .run()) {
            LoggerFactory.getLogger("org.entente.probe").info(message);
        }
        return output.getOut().lines().filter(line -> line.contains(message)).reduce((first, last) -> last).orElseThrow();
    }
}
