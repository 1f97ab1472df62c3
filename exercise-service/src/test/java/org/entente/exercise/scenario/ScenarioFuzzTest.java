package org.entente.exercise.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

/**
 * Random and adversarial mutations of the sample scenarios, seeded: whatever the file, the parser
 * gives a scenario or an {@link InvalidScenarioException}, never another exception, and in time
 * (the run would hang or run out of memory otherwise). A failure names the case's seed, which
 * rebuilds its file.
 */
class ScenarioFuzzTest {

    private static final long SEED = 193;
    private static final int CASES = 10_000;
    /** Characters that mean something in YAML, and some that mean trouble to a reader. */
    private static final String SIGNIFICANT = ":-?[]{},&*!|>'\"%@`# \t\n\r\\\u0000\uFEFF\u2028\u0085\uD800";
    private static final List<String> TAGS = List.of("!!java/object:java.lang.ProcessBuilder ", "!foo ", "!", "!!int ",
            "!!float ", "!!bool ", "!!null ", "!!str ", "!!binary ", "!!timestamp ", "!!map ", "!!seq ", "!!set ", "!!omap ",
            "!<tag:yaml.org,2002:int> ", "!<!> ", "!e!x ", "%TAG !e! tag:example.org,2026:\n--- ");
    private static final List<String> NUMBERS = List.of("0x", "0o9", "0x" + "f".repeat(900), "1e999999999", "-1e-999999999",
            ".inf", "-.nan", "+12", "1_000", "9".repeat(5_000), "0." + "1".repeat(2_000));

    record Mutation(String name, BiFunction<String, Random, String> change) {
    }

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("flip characters", ScenarioFuzzTest::flipCharacters),
            new Mutation("truncate", (yaml, random) -> yaml.substring(0, random.nextInt(yaml.length() + 1))),
            new Mutation("insert an anchor or alias", (yaml, random) -> insert(yaml, random,
                    pick(random, List.of(" &x ", "*x", " *x", "&x [*x]", "<<: *x\n", " &y *x", "*undefined")))),
            new Mutation("append an alias chain", ScenarioFuzzTest::appendAliasChain),
            new Mutation("nest deep", ScenarioFuzzTest::nestDeep),
            new Mutation("insert a huge scalar", ScenarioFuzzTest::insertHugeScalar),
            new Mutation("repeat a line", ScenarioFuzzTest::repeatLine),
            new Mutation("insert a tag", (yaml, random) -> insertAfterAValue(yaml, random, pick(random, TAGS))),
            new Mutation("replace a value with a number", (yaml, random) -> insertAfterAValue(yaml, random, pick(random, NUMBERS) + "\n")),
            new Mutation("insert random unicode", ScenarioFuzzTest::insertRandomUnicode),
            new Mutation("shift indentation", ScenarioFuzzTest::shiftIndentation));

    @Test
    void shouldReadOrRefuseEveryMutatedScenarioWithAnInvalidScenarioExceptionOnly() {
        // Given the four sample scenarios
        List<String> samples = samples();
        int accepted = 0;
        int refused = 0;
        int overLimit = 0;
        long started = System.nanoTime();

        for (int i = 0; i < CASES; i++) {
            // When each case mutates a sample one to three times, and the result is parsed
            long seed = SEED + i;
            Random random = new Random(seed);
            String yaml = pick(random, samples);
            List<String> applied = new ArrayList<>();
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                Mutation mutation = pick(random, MUTATIONS);
                applied.add(mutation.name());
                yaml = mutation.change().apply(yaml, random);
            }

            // Then it is a scenario, or refused with its errors; anything else fails the test
            try {
                ScenarioParser.parse("fuzz.yml", yaml);
                accepted++;
            } catch (ScenarioLimitException e) {
                overLimit++;
            } catch (InvalidScenarioException e) {
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + i + " (seed " + seed + ": " + String.join(", ", applied) + ") threw "
                        + e + " on " + yaml.length() + " characters starting\n" + yaml.substring(0, Math.min(yaml.length(), 300)), e);
            }
        }

        System.out.printf("ScenarioFuzzTest, seed %d: %d cases in %d ms, %d accepted, %d refused, %d of them over a limit%n",
                SEED, CASES, (System.nanoTime() - started) / 1_000_000, accepted, refused + overLimit, overLimit);
    }

    private static List<String> samples() {
        try {
            List<String> samples = new ArrayList<>();
            for (Path sample : SampleScenariosTest.samples().toList()) {
                samples.add(Files.readString(sample));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String flipCharacters(String yaml, Random random) {
        StringBuilder flipped = new StringBuilder(yaml);
        for (int flips = 1 + random.nextInt(10); flips > 0 && !flipped.isEmpty(); flips--) {
            int at = random.nextInt(flipped.length());
            flipped.setCharAt(at, random.nextBoolean() ? SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length()))
                    : (char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return flipped.toString();
    }

    /**
     * Lists of aliases of the list before, as in a billion laughs: mostly a few thousand values
     * expanded; one in two hundred expands past the reader's limit, which takes it a few hundred
     * milliseconds to refuse (YamlReaderTest refuses the worst).
     */
    private static String appendAliasChain(String yaml, Random random) {
        int width = 2 + random.nextInt(4);
        int levels = random.nextInt(200) == 0 ? 10 + random.nextInt(10) : 2 + random.nextInt(4);
        StringBuilder chain = new StringBuilder("\nl0: &l0 [").append("lol, ".repeat(width)).append("]\n");
        for (int level = 1; level < levels; level++) {
            chain.append('l').append(level).append(": &l").append(level).append(" [")
                    .append(("*l" + (level - 1) + ", ").repeat(width)).append("]\n");
        }
        return yaml + chain;
    }

    private static String nestDeep(String yaml, Random random) {
        int levels = random.nextInt(random.nextBoolean() ? 100 : 20_000);
        String open = pick(random, List.of("[", "{a: ", "- ", "[{a: ", "? "));
        String close = random.nextBoolean() ? "" : (open.startsWith("[") ? "]" : open.startsWith("{") ? "}" : "").repeat(levels);
        return insert(yaml, random, open.repeat(levels) + "x" + close + "\n");
    }

    /** Mostly a few thousand characters, plain, quoted or a block; now and then more than the reader takes. */
    private static String insertHugeScalar(String yaml, Random random) {
        int length = random.nextInt(50) == 0 ? 4 * 1024 * 1024 + 1 : random.nextInt(20_000);
        String scalar = switch (random.nextInt(3)) {
            case 0 -> "x".repeat(length);
            case 1 -> "\"" + "\\u00e9".repeat(length / 6) + "\"";
            default -> "|\n" + ("  " + "y".repeat(78) + "\n").repeat(length / 80);
        };
        return insertAfterAValue(yaml, random, scalar + "\n");
    }

    private static String repeatLine(String yaml, Random random) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int line = random.nextInt(lines.size());
        for (int copies = 1 + random.nextInt(random.nextBoolean() ? 3 : 300); copies > 0; copies--) {
            lines.add(line, lines.get(line));
        }
        return String.join("\n", lines);
    }

    private static String insertRandomUnicode(String yaml, Random random) {
        StringBuilder text = new StringBuilder();
        for (int points = 1 + random.nextInt(20); points > 0; points--) {
            text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
        }
        return insert(yaml, random, text.toString());
    }

    private static String shiftIndentation(String yaml, Random random) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int line = random.nextInt(lines.size());
        lines.set(line, random.nextBoolean() ? " ".repeat(1 + random.nextInt(4)) + lines.get(line) : lines.get(line).strip());
        return String.join("\n", lines);
    }

    /** After the ": " of a random mapping entry, so that the text becomes (the start of) its value. */
    private static String insertAfterAValue(String yaml, Random random, String text) {
        int colon = yaml.indexOf(": ", random.nextInt(yaml.length() + 1));
        return colon < 0 ? yaml + "\nkey: " + text : yaml.substring(0, colon + 2) + text + yaml.substring(colon + 2);
    }

    private static String insert(String yaml, Random random, String text) {
        int at = random.nextInt(yaml.length() + 1);
        return yaml.substring(0, at) + text + yaml.substring(at);
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
