package org.entente.exercise;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.entente.exercise.generator.ScenarioGenerator;
import org.entente.exercise.replay.ReplayException;
import org.entente.exercise.replay.ReplaySettings;
import org.entente.exercise.replay.LiveReplay;
import org.entente.exercise.replay.SimulatedReplay;
import org.entente.exercise.report.AfterActionReport;
import org.entente.exercise.report.HtmlReport;
import org.entente.exercise.report.JsonReport;
import org.entente.exercise.report.MarkdownReport;
import org.entente.exercise.report.Observed;
import org.entente.exercise.report.ReportBuilder;
import org.entente.exercise.scenario.InvalidScenarioException;
import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioParser;

/**
 * The planners' command line: validate a scenario, replay it (simulated, or live on the wall clock)
 * through a running Entente (its broker and notification-service) and write the after-action report, or generate a
 * scenario for load. Exit status: 0 done (every expectation passed), 1 the replay ran but an
 * expectation failed, 2 the scenario or the command is wrong, 3 the pipeline did not answer.
 */
public final class ExerciseCommand {

    static final String USAGE = """
            usage: exercise validate <scenario.yml>
                   exercise run <scenario.yml> [--live <speed>] [--bootstrap-servers host:port] [--start <instant>]
                                [--out <directory>]
                   exercise generate <injects> <states> <seed>

              validate  checks the scenario and prints every error with its line, column and key
              run       replays it in simulated mode (scenario time, as fast as the pipeline goes) through
                        the Entente on --bootstrap-servers (default localhost:19092, the local run command's);
                        with --live <speed>, on the wall clock <speed> times faster than real time (1: real
                        time; 60: an hour a minute), scripted points of contact answering on their own and
                        real ones in their inbox; scenario time starts at --start (default: now, to the
                        minute); writes report.json, report.md and report.html to --out (default: exercise-report)
              generate  prints a scenario of <injects> injects over <states> states, the same for the same seed

            Without a command, the jar serves the planners' HTTP API (port 8084; see exercise-service/README.md).
            """;

    private final PrintStream out;
    private final PrintStream err;

    ExerciseCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // Its own file, not logback.xml, which would set the logging of every program that has this jar on its class path.
        System.setProperty("logback.configurationFile", "exercise-logback.xml");
        System.exit(new ExerciseCommand(System.out, System.err).execute(args));
    }

    int execute(String... args) {
        Deque<String> arguments = new ArrayDeque<>(List.of(args));
        String command = arguments.isEmpty() ? "" : arguments.pop();
        try {
            return switch (command) {
                case "validate" -> validate(arguments);
                case "run" -> run(arguments);
                case "generate" -> generate(arguments);
                default -> usage("unknown command '" + command + "'");
            };
        } catch (InvalidScenarioException e) {
            e.errors().forEach(err::println);
            return 2;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (ReplayException e) {
            err.println("replay stopped: " + e.getMessage());
            return 3;
        }
    }

    private int validate(Deque<String> arguments) {
        Scenario scenario = ScenarioParser.parse(scenarioFile(arguments));
        out.printf("%s: valid, %d injects, %d expectations%n", scenario.name(), scenario.injects().size(),
                scenario.expectations().size());
        return 0;
    }

    private int run(Deque<String> arguments) {
        Path file = scenarioFile(arguments);
        Map<String, String> options = Options.parse(arguments, "--live", "--bootstrap-servers", "--start", "--out");
        Scenario scenario = ScenarioParser.parse(file);
        Instant start = options.containsKey("--start") ? Instant.parse(options.get("--start"))
                : Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String exerciseId = "exercise-" + UUID.randomUUID();
        ReplaySettings settings = ReplaySettings.forBroker(options.getOrDefault("--bootstrap-servers", "localhost:19092"));
        long started = System.nanoTime();
        List<Observed> observed;
        if (options.containsKey("--live")) {
            double speed = Double.parseDouble(options.get("--live"));
            out.printf("Playing %s live as %s, %s times real time, scenario time from %s%n", scenario.name(), exerciseId,
                    options.get("--live"), start);
            observed = new LiveReplay(settings, scenario, exerciseId, start, speed, Clock.systemUTC()).run();
        } else {
            out.printf("Replaying %s as %s, scenario time from %s%n", scenario.name(), exerciseId, start);
            observed = new SimulatedReplay(settings, scenario, exerciseId, start).run();
        }
        AfterActionReport report = ReportBuilder.build(scenario, observed);
        Path directory = Path.of(options.getOrDefault("--out", "exercise-report"));
        write(directory.resolve("report.json"), JsonReport.render(report));
        write(directory.resolve("report.md"), MarkdownReport.render(report));
        write(directory.resolve("report.html"), HtmlReport.render(report));
        out.printf("Replayed in %.1f s: %d events observed; expectations %d passed, %d failed; report in %s%n",
                (System.nanoTime() - started) / 1e9, observed.size(), report.expectations().passed(),
                report.expectations().failed(), directory.toAbsolutePath());
        return report.expectations().failed() == 0 ? 0 : 1;
    }

    private int generate(Deque<String> arguments) {
        if (arguments.size() != 3) {
            throw new IllegalArgumentException("generate needs <injects> <states> <seed>");
        }
        out.print(ScenarioGenerator.yaml(Integer.parseInt(arguments.pop()), Integer.parseInt(arguments.pop()),
                Long.parseLong(arguments.pop())));
        return 0;
    }

    private static Path scenarioFile(Deque<String> arguments) {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("which scenario file?");
        }
        return Path.of(arguments.pop());
    }

    private int usage(String problem) {
        err.println(problem);
        err.print(USAGE);
        return 2;
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
