package org.entente.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without a pipeline: validation, generation and refused commands, with their exit status. */
class ExerciseCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ExerciseCommand command = new ExerciseCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void shouldValidateASample() {
        int status = command.execute("validate", "src/main/resources/org/entente/exercise/samples/grid-ransomware.yml");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Baltic grid ransomware: valid, 5 injects, 11 expectations\n");
    }

    @Test
    void shouldPrintEveryErrorWithItsPlaceAndExitWithTwo(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("broken.yml");
        Files.writeString(file, """
                name: Broken
                participants: [EE, FI]
                reference: live
                injects:
                  - id: one
                    at: soon
                    reportingState: EE
                """);

        int status = command.execute("validate", file.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("""
                broken.yml:1:1: objectives: is required
                broken.yml:5:5: injects[0].incident: is required
                broken.yml:6:9: injects[0].at: must be an offset such as +2h30m or +45s
                """);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldGenerateAValidScenario(@TempDir Path directory) throws IOException {
        assertThat(command.execute("generate", "20", "4", "7")).isZero();
        Path file = directory.resolve("generated.yml");
        Files.writeString(file, out.toString(StandardCharsets.UTF_8));
        out.reset();

        assertThat(command.execute("validate", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("valid, 20 injects");
    }

    @Test
    void shouldRefuseUnknownCommandsAndOptionsWithTheUsage() {
        assertThat(command.execute("replay")).isEqualTo(2);
        assertThat(command.execute("run", "scenario.yml", "--speed", "10")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'replay'").contains("unknown option '--speed'")
                .contains("usage: exercise validate");
    }
}
