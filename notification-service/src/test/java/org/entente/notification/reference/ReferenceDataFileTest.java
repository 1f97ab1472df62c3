package org.entente.notification.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.entente.events.Agreement;
import org.entente.events.AgreementStatus;
import org.entente.events.ContactChain;
import org.entente.events.StateProfile;
import org.entente.notification.address.WebhookAddressPolicy;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataFileTest {

    static final EventMetadataFactory METADATA = new EventMetadataFactory("notification-service",
            Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));
    static final WebhookAddressPolicy POLICY = WebhookAddressPolicy.of(List.of());

    @Test
    void shouldLoadTheSampleShippedForTheLocalRunner() {
        ReferenceDataFile sample = ReferenceDataFile.read(Path.of("../deploy/local/reference-data.yml"), METADATA, POLICY);

        assertThat(sample.states()).extracting(StateProfile::getCode)
                .containsExactly("EE", "FI", "LV", "LT", "SE", "PL", "DE", "NO", "DK");
        assertThat(sample.contacts()).extracting(ContactChain::getStateCode)
                .containsExactlyInAnyOrder("EE", "FI", "LV", "LT", "SE", "PL", "DE", "NO", "DK");
        assertThat(sample.contacts()).allSatisfy(chain -> assertThat(chain.getContacts().size()).isBetween(2, 3));
        assertThat(sample.agreements()).extracting(Agreement::getAgreementId).containsExactly(
                "nb8-energy", "estlink-energy", "ee-lv-health-security", "baltic-sea-transport", "pl-de-rail-freight",
                "baltic-finance-fraud", "nordic-baltic-crisis", "lt-pl-water");
        assertThat(sample.agreements()).filteredOn(a -> a.getStatus() != AgreementStatus.ACTIVE)
                .extracting(Agreement::getAgreementId).containsExactly("lt-pl-water");
    }

    @Test
    void shouldReportEveryBadEntryOfAFileWithItsPath(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("bad.yml");
        Files.writeString(file, """
                states:
                  - { code: EE, name: Estonia }
                  - { code: Finland, name: Finland }
                contacts:
                  - { state: EE, chain: [] }
                  - state: FI
                    chain:
                      - { id: fi-duty, name: Duty, channels: [ { type: webhook, address: "https://169.254.169.254/latest" } ] }
                agreements: []
                """);

        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> ReferenceDataFile.read(file, METADATA, POLICY));

        assertThat(e.violations()).containsExactly(
                new FieldViolation("states[1].code", "must be an ISO 3166-1 alpha-2 code such as EE"),
                new FieldViolation("contacts[0].chain", "must list at least one contact"),
                new FieldViolation("contacts[1].chain[0].channels[0].address", "refused by the address policy: its host resolves "
                        + "into 169.254.0.0/16 (link-local), which entente.webhooks.allowed-networks does not allow"));
    }

    @Test
    void shouldRefuseUnknownKeysRatherThanIgnoreATypo(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("typo.yml");
        Files.writeString(file, "states:\n  - { code: EE, nmae: Estonia }\n");

        assertThat(catchThrowableOfType(RuntimeException.class, () -> ReferenceDataFile.read(file, METADATA, POLICY)))
                .hasMessageContaining("nmae");
    }
}
