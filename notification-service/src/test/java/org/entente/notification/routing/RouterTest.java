package org.entente.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.notification.routing.Fixtures.REPORTED_AT;
import static org.entente.notification.routing.Fixtures.agreement;
import static org.entente.notification.routing.Fixtures.incident;
import static org.entente.notification.routing.Fixtures.ref;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.entente.events.Agreement;
import org.entente.events.AgreementStatus;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RouterTest {

    /** Estonia, Finland and Latvia; the reporter in every case is Estonia. */
    private static final String BALTIC_NORDIC = "csbm-baltic-nordic";

    private static Agreement.Builder balticNordic() {
        return agreement(BALTIC_NORDIC, "EE", "FI", "LV");
    }

    static Stream<Arguments> scopeCases() {
        return Stream.of(
                argumentSet("every party of a covering agreement but the reporter",
                        incident().build(), List.of(balticNordic().build()), List.of("FI", "LV")),
                argumentSet("an agreement between two states reaches the other one",
                        incident().build(), List.of(agreement("csbm-ee-se", "EE", "SE").build()), List.of("SE")),
                argumentSet("an agreement the reporter is not party to",
                        incident().build(), List.of(agreement("csbm-fi-lv", "FI", "LV").build()), List.of()),
                argumentSet("several covering agreements: their parties together, in state-code order",
                        incident().build(),
                        List.of(agreement("csbm-ee-se", "EE", "SE").build(), balticNordic().build(),
                                agreement("csbm-ee-de", "EE", "DE").build()),
                        List.of("DE", "FI", "LV", "SE")),
                argumentSet("a state under two agreements is one recipient",
                        incident().build(), List.of(balticNordic().build(), agreement("csbm-ee-fi", "EE", "FI").build()),
                        List.of("FI", "LV")),
                argumentSet("sector outside the agreement's scope",
                        incident().setSector(Sector.HEALTH).build(), List.of(balticNordic().build()), List.of()),
                argumentSet("sector in scope alongside others",
                        incident().setSector(Sector.TRANSPORT).build(), List.of(balticNordic().build()), List.of("FI", "LV")),
                argumentSet("incident class outside the agreement's scope",
                        incident().setIncidentClass(IncidentClass.FRAUD).build(), List.of(balticNordic().build()), List.of()),
                argumentSet("severity below the minimum",
                        incident().setSeverity(Severity.LOW).build(), List.of(balticNordic().build()), List.of()),
                argumentSet("severity equal to the minimum",
                        incident().setSeverity(Severity.MEDIUM).build(), List.of(balticNordic().build()), List.of("FI", "LV")),
                argumentSet("severity above the minimum",
                        incident().setSeverity(Severity.CRITICAL).build(),
                        List.of(balticNordic().setMinimumSeverity(Severity.HIGH).build()), List.of("FI", "LV")),
                argumentSet("only the agreement whose scope matches contributes recipients",
                        incident().setSector(Sector.HEALTH).build(),
                        List.of(balticNordic().build(), agreement("csbm-ee-se", "EE", "SE").setSectors(List.of(Sector.HEALTH)).build()),
                        List.of("SE")));
    }

    @ParameterizedTest
    @MethodSource("scopeCases")
    void shouldRouteToThePartiesOfAgreementsCoveringTheIncidentsScope(IncidentReported incident, List<Agreement> agreements,
            List<String> expectedRecipients) {
        // Given an incident and the agreements in force (arguments)

        // When
        List<Route> routes = Router.route(incident, agreements);

        // Then
        assertThat(routes).extracting(Route::recipientState).containsExactlyElementsOf(expectedRecipients);
    }

    static Stream<Arguments> tlpCases() {
        return Stream.of(
                argumentSet("CLEAR under a GREEN ceiling", Tlp.CLEAR, Tlp.GREEN, List.of("FI", "LV")),
                argumentSet("GREEN at a GREEN ceiling", Tlp.GREEN, Tlp.GREEN, List.of("FI", "LV")),
                argumentSet("AMBER above a GREEN ceiling", Tlp.AMBER, Tlp.GREEN, List.of()),
                argumentSet("AMBER at an AMBER ceiling", Tlp.AMBER, Tlp.AMBER, List.of("FI", "LV")),
                argumentSet("AMBER+STRICT above an AMBER ceiling", Tlp.AMBER_STRICT, Tlp.AMBER, List.of()),
                argumentSet("AMBER+STRICT at an AMBER+STRICT ceiling", Tlp.AMBER_STRICT, Tlp.AMBER_STRICT, List.of("FI", "LV")),
                argumentSet("CLEAR under a RED ceiling", Tlp.CLEAR, Tlp.RED, List.of("FI", "LV")),
                argumentSet("RED above an AMBER+STRICT ceiling, even to a named recipient", Tlp.RED, Tlp.AMBER_STRICT, List.of()));
    }

    @ParameterizedTest
    @MethodSource("tlpCases")
    void shouldRouteOnlyLabelsAtOrBelowTheAgreementsTlpCeiling(Tlp label, Tlp ceiling, List<String> expectedRecipients) {
        // Given: RED needs a named recipient, so every label names both partners
        IncidentReported incident = incident().setTlp(label).setNamedRecipients(List.of("FI", "LV")).build();
        Agreement agreement = balticNordic().setMaxTlp(ceiling).build();

        // When
        List<Route> routes = Router.route(incident, List.of(agreement));

        // Then
        assertThat(routes).extracting(Route::recipientState).containsExactlyElementsOf(expectedRecipients);
    }

    static Stream<Arguments> validityCases() {
        return Stream.of(
                argumentSet("valid from the moment of reporting (inclusive)",
                        balticNordic().setValidFrom(REPORTED_AT).build(), List.of("FI", "LV")),
                argumentSet("valid from 1 ms after reporting",
                        balticNordic().setValidFrom(REPORTED_AT.plusMillis(1)).build(), List.of()),
                argumentSet("valid until the moment of reporting (exclusive)",
                        balticNordic().setValidUntil(REPORTED_AT).build(), List.of()),
                argumentSet("valid until 1 ms after reporting",
                        balticNordic().setValidUntil(REPORTED_AT.plusMillis(1)).build(), List.of("FI", "LV")),
                argumentSet("expired a day before reporting",
                        balticNordic().setValidFrom(REPORTED_AT.minus(Duration.ofDays(30)))
                                .setValidUntil(REPORTED_AT.minus(Duration.ofDays(1))).build(), List.of()),
                argumentSet("open-ended",
                        balticNordic().setValidUntil(null).build(), List.of("FI", "LV")),
                argumentSet("draft", balticNordic().setStatus(AgreementStatus.DRAFT).build(), List.of()),
                argumentSet("suspended", balticNordic().setStatus(AgreementStatus.SUSPENDED).build(), List.of()),
                argumentSet("terminated", balticNordic().setStatus(AgreementStatus.TERMINATED).build(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("validityCases")
    void shouldRouteOnlyUnderAgreementsActiveAndValidWhenTheIncidentWasReported(Agreement agreement,
            List<String> expectedRecipients) {
        // Given
        IncidentReported incident = incident().build();

        // When
        List<Route> routes = Router.route(incident, List.of(agreement));

        // Then
        assertThat(routes).extracting(Route::recipientState).containsExactlyElementsOf(expectedRecipients);
    }

    static Stream<Arguments> recipientCases() {
        List<Agreement> agreements = List.of(balticNordic().setMaxTlp(Tlp.RED).build(),
                agreement("csbm-ee-se", "EE", "SE").setMaxTlp(Tlp.RED).build());
        return Stream.of(
                argumentSet("no names: every covered state",
                        Tlp.AMBER, List.of(), agreements, List.of("FI", "LV", "SE")),
                argumentSet("named recipients narrow the set",
                        Tlp.AMBER, List.of("SE", "LV"), agreements, List.of("LV", "SE")),
                argumentSet("the reporter naming itself does not receive",
                        Tlp.AMBER, List.of("EE", "FI"), agreements, List.of("FI")),
                argumentSet("the reporter is never a recipient, even as a party to every agreement",
                        Tlp.CLEAR, List.of(), List.of(agreement("csbm-ee-fi", "EE", "FI").build()), List.of("FI")),
                argumentSet("a named state no agreement covers receives nothing",
                        Tlp.AMBER, List.of("NO", "LV"), agreements, List.of("LV")),
                argumentSet("only uncovered states named: nobody",
                        Tlp.AMBER, List.of("NO", "DE"), agreements, List.of()),
                argumentSet("a named state whose agreement does not cover this incident receives nothing",
                        Tlp.AMBER, List.of("SE"),
                        List.of(balticNordic().build(), agreement("csbm-ee-se", "EE", "SE").setSectors(List.of(Sector.HEALTH)).build()),
                        List.of()),
                argumentSet("TLP:RED goes to the named recipients only",
                        Tlp.RED, List.of("LV"), agreements, List.of("LV")),
                argumentSet("TLP:RED with no named recipient goes to nobody",
                        Tlp.RED, List.of(), agreements, List.of()),
                argumentSet("TLP:AMBER+STRICT without names goes to every covered state",
                        Tlp.AMBER_STRICT, List.of(), agreements, List.of("FI", "LV", "SE")));
    }

    @ParameterizedTest
    @MethodSource("recipientCases")
    void shouldRespectNamedRecipientsAndNeverRouteToTheReporter(Tlp tlp, List<String> namedRecipients,
            List<Agreement> agreements, List<String> expectedRecipients) {
        // Given
        IncidentReported incident = incident().setTlp(tlp).setNamedRecipients(namedRecipients).build();

        // When
        List<Route> routes = Router.route(incident, agreements);

        // Then
        assertThat(routes).extracting(Route::recipientState).containsExactlyElementsOf(expectedRecipients);
    }

    @Test
    void shouldGiveEachRecipientTheTermsOfOnlyTheCoveringAgreementsItIsPartyTo() {
        // Given: Finland is under two covering agreements, Latvia under one; a third does not cover the incident
        Agreement balticNordic = balticNordic().setVersion(3).build();
        Agreement estoniaFinland = agreement("csbm-ee-fi", "EE", "FI").setVersion(2).build();
        Agreement healthOnly = agreement("csbm-ee-fi-health", "EE", "FI").setSectors(List.of(Sector.HEALTH)).build();

        // When
        List<Route> routes = Router.route(incident().build(), List.of(healthOnly, estoniaFinland, balticNordic));

        // Then
        assertThat(routes).containsExactly(
                new Route("FI", EffectiveTerms.combine(List.of(estoniaFinland, balticNordic))),
                new Route("LV", EffectiveTerms.combine(List.of(balticNordic))));
        assertThat(routes).extracting(route -> route.terms().covering()).containsExactly(
                List.of(ref("csbm-baltic-nordic", 3), ref("csbm-ee-fi", 2)),
                List.of(ref("csbm-baltic-nordic", 3)));
    }
}
