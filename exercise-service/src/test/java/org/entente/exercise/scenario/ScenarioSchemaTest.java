package org.entente.exercise.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.entente.events.AgreementStatus;
import org.entente.events.ChannelType;
import org.entente.events.CommitmentKind;
import org.entente.events.DataCategory;
import org.entente.events.IncidentClass;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.exercise.scenario.internal.SchemaCheck;
import org.entente.schemas.Labels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schema speaks the events' vocabulary and the parser's time syntax, and cannot drift from either. */
class ScenarioSchemaTest {

    private static JsonNode definitions;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
            definitions = JsonMapper.shared().readTree(in).get("$defs");
        }
    }

    static Stream<Arguments> vocabularies() {
        return Stream.of(
                Arguments.of("sector", Sector.class),
                Arguments.of("incidentClass", IncidentClass.class),
                Arguments.of("severity", Severity.class),
                Arguments.of("tlp", Tlp.class),
                Arguments.of("dataCategory", DataCategory.class),
                Arguments.of("commitmentKind", CommitmentKind.class),
                Arguments.of("agreementStatus", AgreementStatus.class),
                Arguments.of("channelType", ChannelType.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vocabularies")
    void shouldListExactlyTheLabelsOfTheEventEnum(String definition, Class<? extends Enum<?>> type) {
        List<String> listed = definitions.get(definition).get("enum").valueStream().map(JsonNode::stringValue).toList();

        assertThat(listed).containsExactly(Labels.allOf(type).split(", "));
    }

    @Test
    void shouldWriteOffsetsAndSpansAsTheParserReadsThem() {
        assertThat(definitions.get("offset").get("pattern").stringValue()).isEqualTo(ScenarioTime.OFFSET_SYNTAX);
        assertThat(definitions.get("span").get("pattern").stringValue()).isEqualTo(ScenarioTime.SPAN_SYNTAX);
    }
}
