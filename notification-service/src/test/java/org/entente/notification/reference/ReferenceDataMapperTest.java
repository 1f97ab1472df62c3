package org.entente.notification.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.entente.events.Agreement;
import org.entente.events.AgreementStatus;
import org.entente.events.ChannelType;
import org.entente.events.Commitment;
import org.entente.events.CommitmentKind;
import org.entente.events.Contact;
import org.entente.events.ContactChain;
import org.entente.events.DataCategory;
import org.entente.events.DeliveryChannel;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.StateProfile;
import org.entente.events.Tlp;
import org.entente.notification.address.WebhookAddressPolicy;
import org.entente.notification.reference.ReferenceDocuments.AgreementDocument;
import org.entente.notification.reference.ReferenceDocuments.ChannelDocument;
import org.entente.notification.reference.ReferenceDocuments.CommitmentDocument;
import org.entente.notification.reference.ReferenceDocuments.ContactChainDocument;
import org.entente.notification.reference.ReferenceDocuments.ContactDocument;
import org.entente.notification.reference.ReferenceDocuments.StateDocument;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceDataMapperTest {

    private static final EventMetadata METADATA =
            new EventMetadata("evt-ref-1", Instant.parse("2026-01-05T08:00:00Z"), "notification-service", null);
    private static final Instant VALID_FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant VALID_UNTIL = Instant.parse("2028-01-01T00:00:00Z");
    private static final String PREFIX = "agreements[1].";
    /**
     * The address policy with one allowed network, and names that resolve as the test says (no
     * DNS is asked): the receivers' to a public documentation address, one into a private
     * network, one to nothing yet. IP literals are read by the JDK, without DNS.
     */
    private static final WebhookAddressPolicy POLICY = new WebhookAddressPolicy(List.of("192.168.77.0/24"), host -> switch (host) {
        case "hooks.ncsc.fi.example" -> new InetAddress[] {InetAddress.getByName("192.0.2.10")};
        case "intranet.example" -> new InetAddress[] {InetAddress.getByName("10.9.8.7")};
        case "not-yet.example" -> throw new UnknownHostException(host);
        default -> InetAddress.getAllByName(host);
    });

    private static AgreementDocument validAgreement() {
        return new AgreementDocument("csbm-ee-fi", 2, "  Estonia–Finland cyber CSBM  ", List.of("EE", "FI"),
                List.of("energy", "drinking-water"), List.of("availability", "malicious-code"), "medium", "AMBER+STRICT",
                List.of("operational", "indicators", "personal-data", "indicators"), "  GDPR Art. 6(1)(e) ",
                List.of(new CommitmentDocument("acknowledge", Duration.ofHours(1), null),
                        new CommitmentDocument("initial-assessment", Duration.ofHours(24), Duration.ofHours(6))),
                VALID_FROM, VALID_UNTIL, "active");
    }

    /** The same document with one field changed. */
    private static AgreementDocument withLegalBasis(AgreementDocument d, List<String> dataCategories, String legalBasis) {
        return new AgreementDocument(d.id(), d.version(), d.title(), d.parties(), d.sectors(), d.incidentClasses(),
                d.minimumSeverity(), d.maxTlp(), dataCategories, legalBasis, d.commitments(), d.validFrom(), d.validUntil(),
                d.status());
    }

    private static List<FieldViolation> violationsOf(Runnable mapping) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, mapping::run);
        assertThat(e).as("mapping should be rejected").isNotNull();
        return e.violations();
    }

    // --- agreements ---

    @Test
    void shouldMapAValidAgreementDocumentToTheAgreement() {
        // Given
        AgreementDocument document = validAgreement();

        // When
        Agreement agreement = ReferenceDataMapper.agreement(document, PREFIX, METADATA);

        // Then: labels parsed, duplicates dropped, text stripped, durations in milliseconds
        assertThat(agreement).isEqualTo(new Agreement(METADATA, "csbm-ee-fi", 2, "Estonia–Finland cyber CSBM",
                List.of("EE", "FI"),
                List.of(Sector.ENERGY, Sector.DRINKING_WATER),
                List.of(IncidentClass.AVAILABILITY, IncidentClass.MALICIOUS_CODE),
                Severity.MEDIUM, Tlp.AMBER_STRICT,
                List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS, DataCategory.PERSONAL_DATA),
                "GDPR Art. 6(1)(e)",
                List.of(new Commitment(CommitmentKind.ACKNOWLEDGE, 3_600_000L, null),
                        new Commitment(CommitmentKind.INITIAL_ASSESSMENT, 86_400_000L, 21_600_000L)),
                VALID_FROM, VALID_UNTIL, AgreementStatus.ACTIVE));
    }

    @Test
    void shouldMapAnOpenEndedAgreementWithoutCategoriesOrCommitments() {
        // Given
        AgreementDocument d = validAgreement();
        AgreementDocument document = new AgreementDocument(d.id(), 1, "Baltic–Nordic", List.of("EE", "FI", "LV"), List.of("energy"),
                List.of("intrusions"), "low", "CLEAR", null, null, null, VALID_FROM, null, "draft");

        // When
        Agreement agreement = ReferenceDataMapper.agreement(document, PREFIX, METADATA);

        // Then
        assertThat(agreement).isEqualTo(new Agreement(METADATA, "csbm-ee-fi", 1, "Baltic–Nordic", List.of("EE", "FI", "LV"),
                List.of(Sector.ENERGY), List.of(IncidentClass.INTRUSIONS), Severity.LOW, Tlp.CLEAR, List.of(), null, List.of(),
                VALID_FROM, null, AgreementStatus.DRAFT));
    }

    @Test
    void shouldTurnAnAgreementBackIntoADocumentThatMapsToTheSameAgreement() {
        // Given
        Agreement agreement = ReferenceDataMapper.agreement(validAgreement(), PREFIX, METADATA);

        // When
        Agreement again = ReferenceDataMapper.agreement(ReferenceDataMapper.document(agreement), PREFIX, METADATA);

        // Then
        assertThat(again).isEqualTo(agreement);
    }

    static Stream<Arguments> invalidAgreements() {
        return Stream.of(
                argumentSet("every field wrong",
                        new AgreementDocument("CSBM EE/FI", 0, " ", List.of("EE", "ee", "EE"), List.of("energy", "nuclear"),
                                List.of(), "urgent", "TLP:RED", List.of("operational", "personal-data"), null,
                                List.of(new CommitmentDocument("acknowledge", Duration.ZERO, Duration.ofMinutes(-5)),
                                        new CommitmentDocument("acknowledge", Duration.ofHours(1), null),
                                        new CommitmentDocument("reply", null, null)),
                                VALID_FROM, VALID_FROM, "live"),
                        List.of(new FieldViolation("agreements[1].id", "must be lower-case letters, digits and hyphens, at most 64"),
                                new FieldViolation("agreements[1].version", "must be 1 or more"),
                                new FieldViolation("agreements[1].title", "is required"),
                                new FieldViolation("agreements[1].parties", "must list at least two distinct states"),
                                new FieldViolation("agreements[1].parties[1]", "must be an ISO 3166-1 alpha-2 code such as EE"),
                                new FieldViolation("agreements[1].sectors[1]", "must be one of energy, transport, banking, "
                                        + "financial-market-infrastructures, health, drinking-water, waste-water, digital-infrastructure, "
                                        + "ict-service-management, public-administration, space, postal-and-courier, waste-management, "
                                        + "chemicals, food, manufacturing, digital-providers, research"),
                                new FieldViolation("agreements[1].incidentClasses", "must list at least one value"),
                                new FieldViolation("agreements[1].minimumSeverity", "must be one of low, medium, high, critical"),
                                new FieldViolation("agreements[1].maxTlp", "must be one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED"),
                                new FieldViolation("agreements[1].personalDataLegalBasis", "is required when personal-data may flow"),
                                new FieldViolation("agreements[1].commitments[0].within", "must be a positive ISO-8601 duration such as PT1H"),
                                new FieldViolation("agreements[1].commitments[0].grace", "must not be negative"),
                                new FieldViolation("agreements[1].commitments[1].kind", "appears twice"),
                                new FieldViolation("agreements[1].commitments[2].kind",
                                        "must be one of acknowledge, initial-assessment, final-report"),
                                new FieldViolation("agreements[1].commitments[2].within", "must be a positive ISO-8601 duration such as PT1H"),
                                new FieldViolation("agreements[1].validUntil", "must be after validFrom"),
                                new FieldViolation("agreements[1].status", "must be one of draft, active, suspended, terminated"))),
                argumentSet("every field missing",
                        new AgreementDocument(null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                        List.of(new FieldViolation("agreements[1].id", "is required"),
                                new FieldViolation("agreements[1].version", "is required"),
                                new FieldViolation("agreements[1].title", "is required"),
                                new FieldViolation("agreements[1].parties", "must list at least two distinct states"),
                                new FieldViolation("agreements[1].sectors", "must list at least one value"),
                                new FieldViolation("agreements[1].incidentClasses", "must list at least one value"),
                                new FieldViolation("agreements[1].minimumSeverity", "is required"),
                                new FieldViolation("agreements[1].maxTlp", "is required"),
                                new FieldViolation("agreements[1].validFrom", "is required"),
                                new FieldViolation("agreements[1].status", "is required"))),
                argumentSet("a single party, a null label, validUntil before validFrom",
                        new AgreementDocument("csbm-ee", 1, "Estonia alone", List.of("EE"), Arrays.asList("energy", null),
                                List.of("availability"), "high", "AMBER", List.of(), null, List.of(), VALID_UNTIL, VALID_FROM, "active"),
                        List.of(new FieldViolation("agreements[1].parties", "must list at least two distinct states"),
                                new FieldViolation("agreements[1].sectors[1]", "is required"),
                                new FieldViolation("agreements[1].validUntil", "must be after validFrom"))));
    }

    @ParameterizedTest
    @MethodSource("invalidAgreements")
    void shouldReportEveryBadFieldOfAnAgreementWithItsPath(AgreementDocument document, List<FieldViolation> expected) {
        // When
        List<FieldViolation> violations = violationsOf(() -> ReferenceDataMapper.agreement(document, PREFIX, METADATA));

        // Then
        assertThat(violations).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> personalDataWithoutBasis() {
        return Stream.of(
                argumentSet("no legal basis", (Object) null),
                argumentSet("an empty legal basis", ""),
                argumentSet("a blank legal basis", "   "));
    }

    @ParameterizedTest
    @MethodSource("personalDataWithoutBasis")
    void shouldRejectPersonalDataWithoutLegalBasis(String legalBasis) {
        // Given
        AgreementDocument document = withLegalBasis(validAgreement(), List.of("operational", "personal-data"), legalBasis);

        // When
        List<FieldViolation> violations = violationsOf(() -> ReferenceDataMapper.agreement(document, PREFIX, METADATA));

        // Then
        assertThat(violations).containsExactly(
                new FieldViolation("agreements[1].personalDataLegalBasis", "is required when personal-data may flow"));
    }

    @Test
    void shouldAcceptNoLegalBasisWhenPersonalDataMayNotFlow() {
        // Given
        AgreementDocument document = withLegalBasis(validAgreement(), List.of("operational"), " ");

        // When
        Agreement agreement = ReferenceDataMapper.agreement(document, PREFIX, METADATA);

        // Then
        assertThat(agreement.getDataCategories()).containsExactly(DataCategory.OPERATIONAL);
        assertThat(agreement.getPersonalDataLegalBasis()).isNull();
    }

    // --- contact chains ---

    @Test
    void shouldMapAContactChainInEscalationOrder() {
        // Given
        ContactChainDocument document = new ContactChainDocument("FI", List.of(
                new ContactDocument("fi-cert-duty", " NCSC-FI duty officer ", List.of(
                        new ChannelDocument("inbox", null),
                        new ChannelDocument("webhook", "https://hooks.ncsc.fi.example/entente"))),
                new ContactDocument("fi-cert-lead", "NCSC-FI lead", List.of(new ChannelDocument("inbox", " ")))));

        // When
        ContactChain chain = ReferenceDataMapper.contacts(document, "contacts[0].", METADATA, POLICY);

        // Then
        assertThat(chain).isEqualTo(new ContactChain(METADATA, "FI", List.of(
                new Contact("fi-cert-duty", "NCSC-FI duty officer", List.of(
                        new DeliveryChannel(ChannelType.INBOX, null),
                        new DeliveryChannel(ChannelType.WEBHOOK, "https://hooks.ncsc.fi.example/entente"))),
                new Contact("fi-cert-lead", "NCSC-FI lead", List.of(new DeliveryChannel(ChannelType.INBOX, null))))));
    }

    @Test
    void shouldRequireAnHttpsAddressForAWebhook() {
        // Given
        ContactChainDocument document = new ContactChainDocument("FI", List.of(
                new ContactDocument("fi-cert-duty", "NCSC-FI duty officer", List.of(
                        new ChannelDocument("webhook", "https://hooks.ncsc.fi.example/entente"))),
                new ContactDocument("fi-cert-lead", "NCSC-FI lead", List.of(
                        new ChannelDocument("webhook", "http://hooks.ncsc.fi.example/entente"),
                        new ChannelDocument("webhook", null),
                        new ChannelDocument("inbox", null)))));

        // When
        List<FieldViolation> violations = violationsOf(() -> ReferenceDataMapper.contacts(document, "contacts[0].", METADATA, POLICY));

        // Then
        assertThat(violations).containsExactly(
                new FieldViolation("contacts[0].chain[1].channels[0].address", "must be an https:// URL for a webhook"),
                new FieldViolation("contacts[0].chain[1].channels[1].address", "must be an https:// URL for a webhook"));
    }

    @Test
    void shouldRefuseAWebhookInAnInternalNetworkWhenTheChainIsSavedUnlessItsNetworkIsAllowed() {
        // Given webhooks at internal addresses, one in the allowed network, a public one and one whose name resolves to nothing yet
        ContactChainDocument document = new ContactChainDocument("FI", List.of(
                new ContactDocument("fi-cert-duty", "NCSC-FI duty officer", Stream.of(
                        "https://127.0.0.1:8443/hook", "https://169.254.169.254/latest/meta-data", "https://10.1.2.3/hook",
                        "https://224.0.0.251/hook", "https://[::1]/hook", "https://[fd00:ab::1]/hook",
                        "https://intranet.example/hook", "https://192.168.77.20/hook", "https://hooks.ncsc.fi.example/entente",
                        "https://not-yet.example/hook")
                        .map(address -> new ChannelDocument("webhook", address)).toList())));

        // When
        List<FieldViolation> violations = violationsOf(() -> ReferenceDataMapper.contacts(document, "contacts[0].", METADATA, POLICY));

        // Then each internal one is refused, naming its range; the allowed, the public and the unresolved ones are not
        String field = "contacts[0].chain[0].channels[%d].address";
        String refused = "refused by the address policy: its host resolves into %s, which entente.webhooks.allowed-networks does not allow";
        assertThat(violations).containsExactly(
                new FieldViolation(field.formatted(0), refused.formatted("127.0.0.0/8 (loopback)")),
                new FieldViolation(field.formatted(1), refused.formatted("169.254.0.0/16 (link-local)")),
                new FieldViolation(field.formatted(2), refused.formatted("10.0.0.0/8 (private)")),
                new FieldViolation(field.formatted(3), refused.formatted("224.0.0.0/4 (multicast)")),
                new FieldViolation(field.formatted(4), refused.formatted("::1/128 (loopback)")),
                new FieldViolation(field.formatted(5), refused.formatted("fc00::/7 (unique-local)")),
                new FieldViolation(field.formatted(6), refused.formatted("10.0.0.0/8 (private)")));
    }

    @Test
    void shouldReportEveryBadFieldOfAContactChainWithItsPath() {
        // Given
        ContactChainDocument document = new ContactChainDocument("Finland", List.of(
                new ContactDocument("fi-cert-duty", " ", List.of()),
                new ContactDocument("fi-cert-duty", "Again", List.of(new ChannelDocument("pager", "+358 00 000")))));

        // When
        List<FieldViolation> violations = violationsOf(() -> ReferenceDataMapper.contacts(document, "contacts[3].", METADATA, POLICY));

        // Then
        assertThat(violations).containsExactly(
                new FieldViolation("contacts[3].state", "must be an ISO 3166-1 alpha-2 code such as EE"),
                new FieldViolation("contacts[3].chain[0].name", "is required"),
                new FieldViolation("contacts[3].chain[0].channels", "must list at least one channel"),
                new FieldViolation("contacts[3].chain[1].id", "appears twice in the chain"),
                new FieldViolation("contacts[3].chain[1].channels[0].type", "must be one of inbox, webhook"));
    }

    @Test
    void shouldRequireAtLeastOneContact() {
        // When
        List<FieldViolation> violations = violationsOf(
                () -> ReferenceDataMapper.contacts(new ContactChainDocument("FI", List.of()), "contacts[0].", METADATA, POLICY));

        // Then
        assertThat(violations).containsExactly(new FieldViolation("contacts[0].chain", "must list at least one contact"));
    }

    // --- states ---

    @Test
    void shouldMapAValidStateDocument() {
        // When
        StateProfile state = ReferenceDataMapper.state(new StateDocument("EE", " Estonia "), "states[0].", METADATA);

        // Then
        assertThat(state).isEqualTo(new StateProfile(METADATA, "EE", "Estonia"));
    }

    @Test
    void shouldReportEveryBadFieldOfAStateWithItsPath() {
        // When
        List<FieldViolation> violations = violationsOf(
                () -> ReferenceDataMapper.state(new StateDocument("EST", ""), "states[4].", METADATA));

        // Then
        assertThat(violations).containsExactly(
                new FieldViolation("states[4].code", "must be an ISO 3166-1 alpha-2 code such as EE"),
                new FieldViolation("states[4].name", "is required"));
    }
}
