package org.entente.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.events.DataCategory;
import org.entente.events.Sector;
import org.entente.events.Tlp;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void shouldWriteTlpAsFirstDoesAndOtherEnumsInKebabCase() {
        assertThat(Labels.of(Tlp.AMBER_STRICT)).isEqualTo("AMBER+STRICT");
        assertThat(Labels.of(Tlp.RED)).isEqualTo("RED");
        assertThat(Labels.of(Sector.DRINKING_WATER)).isEqualTo("drinking-water");
        assertThat(Labels.of(DataCategory.PERSONAL_DATA)).isEqualTo("personal-data");
    }

    @Test
    void shouldParseOnlyExactLabels() {
        assertThat(Labels.parse(Tlp.class, "AMBER+STRICT")).contains(Tlp.AMBER_STRICT);
        assertThat(Labels.parse(Sector.class, "drinking-water")).contains(Sector.DRINKING_WATER);
        assertThat(Labels.parse(Sector.class, "DRINKING_WATER")).isEmpty();
        assertThat(Labels.parse(Tlp.class, "amber")).isEmpty();
        assertThat(Labels.parse(Tlp.class, null)).isEmpty();
    }

    @Test
    void shouldListEveryLabelForErrorMessages() {
        assertThat(Labels.allOf(Tlp.class)).isEqualTo("CLEAR, GREEN, AMBER, AMBER+STRICT, RED");
    }
}
