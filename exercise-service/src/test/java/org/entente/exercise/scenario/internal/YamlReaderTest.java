package org.entente.exercise.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.entente.exercise.scenario.InvalidScenarioException;
import org.entente.exercise.scenario.ScenarioError;
import org.entente.exercise.scenario.ScenarioLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's limits, each against the file that used to take the service down: every one
 * refused at once with the error that names the limit.
 */
public class YamlReaderTest {

    /** 332 bytes, 48 aliases (under snakeyaml's default of 50): 9 × 3¹⁶, about 387 million values expanded. */
    public static final String BILLION_LAUGHS = """
            name: A billion
            a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]
            b: &b [*a,*a,*a]
            c: &c [*b,*b,*b]
            d: &d [*c,*c,*c]
            e: &e [*d,*d,*d]
            f: &f [*e,*e,*e]
            g: &g [*f,*f,*f]
            h: &h [*g,*g,*g]
            i: &i [*h,*h,*h]
            j: &j [*i,*i,*i]
            k: &k [*j,*j,*j]
            l: &l [*k,*k,*k]
            m: &m [*l,*l,*l]
            n: &n [*m,*m,*m]
            o: &o [*n,*n,*n]
            p: &p [*o,*o,*o]
            q: &q [*p,*p,*p]
            """;

    @Test
    void shouldRefuseABillionLaughsOnceItsAliasesExpandPastTheLimit() {
        // Given the 332 bytes of aliases of aliases
        assertThat(BILLION_LAUGHS).hasSize(332);

        // When it is read
        String refusal = refusal("laughs.yml", BILLION_LAUGHS);

        // Then it is refused at the value that passes the limit, long before the billions
        assertThat(refusal).isEqualTo("laughs.yml:2:12: has more than 300000 keys and values with its aliases expanded (the limit)");
    }

    @Test
    void shouldCountTheRepeatedKeysOfAnAliasedMappingTowardsTheExpandedSize() {
        // Given a mapping of one key written 3,100 times, aliased 99 times: 99 values, but 306,900 keys
        String yaml = "a: &a {" + "k: 0, ".repeat(3_100) + "}\nb: [" + "*a, ".repeat(99) + "]\n";

        // When it is read
        String refusal = refusal("duplicates.yml", yaml);

        // Then the keys count: it is refused at the 2,203rd key of the 96th alias
        assertThat(refusal).isEqualTo("duplicates.yml:1:13220: has more than 300000 keys and values with its aliases expanded (the limit)");
    }

    @Test
    void shouldRefuseMoreAliasesThanTheLimitAtTheFirstTooMany() {
        // Given 101 aliases of one scalar
        String yaml = "name: &n x\nlist: [" + "*n, ".repeat(YamlReader.MAX_ALIASES) + "*n]\n";

        // When it is read
        String refusal = refusal("aliases.yml", yaml);

        // Then it is refused at the 101st
        assertThat(refusal).isEqualTo("aliases.yml:2:408: has more than 100 aliases (the limit)");
    }

    @Test
    void shouldRefuseAChainOfAliasesThatNestsDeeperThanTheLimit() {
        // Given 64 one-item lists, each but the first holding an alias of the one before: each nests
        // two deep as written, and a63 sixty-five deep expanded
        String yaml = "a0: &a0 [x]\n" + IntStream.range(1, 64)
                .mapToObj(i -> "a" + i + ": &a" + i + " [*a" + (i - 1) + "]\n")
                .collect(Collectors.joining());

        // When it is read
        String refusal = refusal("chain.yml", yaml);

        // Then it is refused where the 65th level is, a0's list, under the path that reached it
        assertThat(refusal).isEqualTo("chain.yml:1:5: a63" + "[0]".repeat(63) + ": is nested more than 64 levels deep (the limit)");
    }

    static Stream<Arguments> tenThousandLevels() {
        return Stream.of(
                Arguments.of("flow sequences", "[".repeat(10_000) + "]".repeat(10_000), "deep.yml:1:65"),
                Arguments.of("flow mappings", "a: {".repeat(10_000) + "}".repeat(10_000), "deep.yml:1:256"),
                Arguments.of("block sequences", "- ".repeat(10_000) + "x\n", "deep.yml:1:129"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenThousandLevels")
    void shouldRefuseNestingTenThousandLevelsDeepAtTheLimitWithoutOverflowingTheStack(String style, String yaml,
            String at) {
        // Given collections nested 10,000 deep (the argument)

        // When it is read
        String refusal = refusal("deep.yml", yaml);

        // Then it is refused at the 65th level, before the composer recurses any deeper
        assertThat(refusal).isEqualTo(at + ": is nested more than 64 levels deep (the limit)");
    }

    @Test
    void shouldRefuseAFileOfMoreBytesThanTheLimitCountingUtf8() {
        // Given a scalar of two-byte characters, half as many as the limit has bytes
        String yaml = "name: " + "é".repeat(YamlReader.MAX_BYTES / 2);

        // When it is read
        String refusal = refusal("huge.yml", yaml);

        // Then it is refused before it is parsed
        assertThat(refusal).isEqualTo("huge.yml:1:1: is larger than 4194304 bytes (the limit)");
    }

    @Test
    void shouldReadAFileOfExactlyTheLimit() {
        // Given a name and comments, 4 MiB in all
        String yaml = "name: x\n" + ("#" + "x".repeat(62) + "\n").repeat(65_535) + "#".repeat(56);
        assertThat(yaml).hasSize(YamlReader.MAX_BYTES);

        // When it is read
        YamlDocument document = YamlReader.read("full.yml", yaml);

        // Then snakeyaml's own limit on code points did not refuse it first
        assertThat(document.root()).hasToString("{\"name\":\"x\"}");
    }

    @Test
    void shouldReadTagsItDoesNotKnowAsPlainValues() {
        // Given Java, local and verbatim tags, and core tags on values they do not fit
        String yaml = """
                object: !!java/object:java.lang.ProcessBuilder [calc]
                local: !foo bar
                number: !foo 12
                text: !!str 12
                verbatim: !<tag:example.org,2026:drill> {a: 1}
                twelve: !!int twelve
                empty: !!float
                """;

        // When it is read
        YamlDocument document = YamlReader.read("tags.yml", yaml);

        // Then nothing is constructed: scalars are text, collections collections
        assertThat(document.root()).hasToString("""
                {"object":["calc"],"local":"bar","number":"12","text":"12","verbatim":{"a":1},"twelve":"twelve","empty":""}""");
        assertThat(document.issues()).isEmpty();
    }

    @Test
    void shouldReadAnEmojiThatStraddlesTheParsersBuffer() {
        // Given an emoji whose first half is the 1,025th character, the last of snakeyaml's first read
        String title = "x".repeat(1_018) + "\uD83D\uDEA8 grid down";

        // When it is read
        YamlDocument document = YamlReader.read("emoji.yml", "name: " + title + "\n");

        // Then it is read whole (snakeyaml-engine 3.0.1 alone throws an IndexOutOfBoundsException)
        assertThat(document.root().get("name").stringValue()).isEqualTo(title);
    }

    @Test
    void shouldRefuseAnEscapeCutShortWhereTheFileEndsAsInvalidYaml() {
        // Given a double-quoted title that ends inside an escape
        String yaml = "title: \"Grid down \\u";

        // When it is read
        InvalidScenarioException invalid = assertThrows(InvalidScenarioException.class, () -> YamlReader.read("escape.yml", yaml));

        // Then it is a syntax error where the file ends (snakeyaml-engine 3.0.1 alone throws a NumberFormatException)
        assertThat(invalid.errors()).map(ScenarioError::toString)
                .containsExactly("escape.yml:1:21: is not valid YAML: an escape sequence that cannot be decoded");
    }

    @Test
    void shouldKeepANumberOfMoreThanAThousandDigitsAsText() {
        // Given a number of a thousand digits and one of a thousand and one
        String yaml = "short: " + "9".repeat(1_000) + "\nlong: " + "9".repeat(1_001) + "\n";

        // When it is read
        YamlDocument document = YamlReader.read("numbers.yml", yaml);

        // Then the longer one stays text, unparsed (a million digits take seconds to parse)
        assertThat(document.root().get("short").isNumber()).isTrue();
        assertThat(document.root().get("long").isString()).isTrue();
    }

    private static String refusal(String file, String yaml) {
        return assertThrows(ScenarioLimitException.class, () -> YamlReader.read(file, yaml)).error().toString();
    }
}
