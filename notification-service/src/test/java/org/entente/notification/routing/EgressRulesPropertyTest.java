package org.entente.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.entente.events.Agreement;
import org.entente.events.AgreementRef;
import org.entente.events.AgreementStatus;
import org.entente.events.AlertIssued;
import org.entente.events.Commitment;
import org.entente.events.CommitmentKind;
import org.entente.events.DataCategory;
import org.entente.events.DisclosureRecorded;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.IncidentRevisionSeen;
import org.entente.events.PersonalData;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.events.WithheldCategory;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.InvalidEventException;
import org.junit.jupiter.api.Test;

/**
 * TLP and minimisation as properties: for thousands of random incidents against random sets of
 * agreements, whatever leaves (routes, alerts, ledger entries) obeys the egress rules of the
 * README, checked against the test's own reading of those rules, not the implementation's; and
 * for thousands of random sequences of revisions (raised, lowered, repeated, later), what leaves
 * never carries a lower label than what left before, nor goes where its revision's label forbids.
 * Plain JUnit with a seeded {@link Random}: {@code -Dentente.property.seed=N} replays a run,
 * {@code -Dentente.property.cases=N} changes how many cases it makes (default 10,000); a failure
 * prints the seed, the case number and the case itself.
 */
class EgressRulesPropertyTest {

    static final long DEFAULT_SEED = 20_261_127L;
    static final int DEFAULT_CASES = 10_000;

    static final List<String> STATES = List.of("EE", "FI", "LV", "LT", "SE", "PL", "DE", "NO");
    static final List<Sector> SECTORS = List.of(Sector.ENERGY, Sector.HEALTH, Sector.TRANSPORT, Sector.BANKING);
    static final List<IncidentClass> CLASSES = List.of(IncidentClass.AVAILABILITY, IncidentClass.INTRUSIONS,
            IncidentClass.MALICIOUS_CODE);
    static final List<String> LEGAL_BASES = List.of("GDPR Art. 6(1)(e)", " Bilateral MoU 2026, Art. 4 ", "Law 12/2025 §3");
    static final Instant REPORTED_AT = Fixtures.REPORTED_AT;

    private final AlertComposer composer = new AlertComposer(Fixtures.metadataFactory());
    /** A second composer on another clock: identifiers must not depend on when composing happens. */
    private final AlertComposer laterComposer = new AlertComposer(new EventMetadataFactory(Fixtures.PRODUCER,
            Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZoneOffset.UTC)));

    record Case(int number, IncidentReported incident, List<Agreement> agreements) {

        String describe() {
            return "case " + number + "\nincident: " + incident + "\n" + agreements.stream().map(a -> "agreement: " + a)
                    .collect(Collectors.joining("\n"));
        }
    }

    /** What the cases reached, so that a generator that stopped reaching something shows. */
    static final class Reach {
        int cases;
        int alerts;
        final Map<String, Integer> counts = new LinkedHashMap<>();

        void count(String what, boolean reached) {
            counts.merge(what, reached ? 1 : 0, Integer::sum);
        }
    }

    @Test
    void shouldReleaseOnlyWhatEveryCoveringAgreementAllowsToOnlyTheStatesItMay() {
        long seed = Long.getLong("entente.property.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("entente.property.cases", DEFAULT_CASES);
        Random random = new Random(seed);
        Reach reach = new Reach();
        for (int n = 0; n < cases; n++) {
            Case testCase = generate(random, n);
            try {
                check(testCase, random, reach);
            } catch (AssertionError | RuntimeException e) {
                String replay = "egress property failed: seed " + seed + ", case " + n + " (replay with -Dentente.property.seed="
                        + seed + ")\n" + testCase.describe();
                System.out.println(replay + "\n" + e);
                throw new AssertionError(replay + "\n" + e.getMessage(), e);
            }
        }
        System.out.println("egress property: " + reach.cases + " cases, " + reach.alerts + " alerts, seed " + seed);
        System.out.println("egress property reached: " + reach.counts);

        // The generator must reach every rule, or the properties above hold vacuously.
        assertThat(reach.cases).isEqualTo(cases);
        assertThat(reach.counts).allSatisfy((what, count) -> assertThat(count).as(what).isPositive());
    }

    @Test
    void shouldNeverLetALowerLabelOrAForbiddenRecipientThroughAcrossRevisions() {
        long seed = Long.getLong("entente.property.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("entente.property.cases", DEFAULT_CASES);
        Random random = new Random(seed);
        Reach reach = new Reach();
        for (int n = 0; n < cases; n++) {
            Case testCase = generate(random, n);
            List<IncidentReported> written = revisions(random, testCase.incident());
            try {
                checkRevisions(testCase, written, random, reach);
            } catch (AssertionError | RuntimeException e) {
                String replay = "revision property failed: seed " + seed + ", case " + n + " (replay with -Dentente.property.seed="
                        + seed + ")\n" + testCase.describe() + "\n" + written.stream().map(r -> "written: " + r)
                        .collect(Collectors.joining("\n"));
                System.out.println(replay + "\n" + e);
                throw new AssertionError(replay + "\n" + e.getMessage(), e);
            }
        }
        System.out.println("revision property: " + reach.cases + " sequences, " + reach.alerts + " alerts, seed " + seed);
        System.out.println("revision property reached: " + reach.counts);

        assertThat(reach.cases).isEqualTo(cases);
        assertThat(reach.counts).allSatisfy((what, count) -> assertThat(count).as(what).isPositive());
    }

    // ---- the properties -------------------------------------------------------------------

    /**
     * The revisions as the topic holds them, through the fan-out's gate with its one remembered
     * revision: a lowered label is refused, a repeat dropped, and each revision let through must
     * obey every egress rule at its own label and never carry a lower label than an earlier one;
     * every recipient of the revision before that it leaves out is named for the ledger, with the
     * agreement of its last alert, and no other.
     */
    private void checkRevisions(Case testCase, List<IncidentReported> written, Random random, Reach reach) {
        Reach perRevision = new Reach();
        IncidentRevisionSeen remembered = null;
        List<AlertIssued> left = new ArrayList<>();
        List<AlertIssued> previous = List.of();
        for (IncidentReported revision : written) {
            boolean repeat = remembered != null && revision.getRevision() <= remembered.getRevision();
            boolean lowers = !repeat && remembered != null && revision.getTlp().ordinal() < remembered.getTlp().ordinal();
            boolean admitted;
            try {
                admitted = RevisionGate.admits(remembered, revision);
            } catch (InvalidEventException refused) {
                require(lowers, "only a revision that lowers the label is refused: " + refused.getMessage());
                reach.count("lowered label refused", true);
                continue;
            }
            require(!lowers, "a revision that lowers the label never passes");
            require(admitted == !repeat, "a repeat is dropped, any other revision passes");
            reach.count("repeat dropped", repeat);
            if (!admitted) {
                continue;
            }
            List<AlertIssued> alerts = check(new Case(testCase.number(), revision, testCase.agreements()), random, perRevision);
            Map<String, AgreementRef> reached = alerts.stream()
                    .collect(Collectors.toMap(AlertIssued::getRecipientState, AlertIssued::getAgreement));
            Map<String, AgreementRef> leftOut = previous.stream().filter(earlier -> !reached.containsKey(earlier.getRecipientState()))
                    .collect(Collectors.toMap(AlertIssued::getRecipientState, AlertIssued::getAgreement));
            require(RevisionGate.noLongerReached(remembered, reached.keySet()).equals(leftOut),
                    "the recipients of the revision before that this one leaves out, for the ledger: " + leftOut.keySet());
            reach.count("recipient left out told to the ledger", !leftOut.isEmpty());
            remembered = RevisionGate.routed(revision, reached);
            previous = alerts;
            for (AlertIssued alert : alerts) {
                for (AlertIssued earlier : left) {
                    require(earlier.getIncidentRevision() < alert.getIncidentRevision(), "revisions leave in order, each once");
                    require(alert.getTlp().ordinal() >= earlier.getTlp().ordinal(), "revision " + alert.getIncidentRevision()
                            + " carries " + alert.getTlp() + ", below revision " + earlier.getIncidentRevision() + "'s " + earlier.getTlp());
                    require(!alert.getAlertId().equals(earlier.getAlertId()), "every revision's alert has its own id");
                }
                reach.alerts++;
                reach.count("update alert", alert.getIncidentRevision() > 0);
                reach.count("update alert under a raised label", left.stream().anyMatch(earlier -> earlier.getTlp().ordinal() < alert.getTlp().ordinal()));
                reach.count("RED update alert", alert.getIncidentRevision() > 0 && alert.getTlp() == Tlp.RED);
            }
            reach.count("recipient of an earlier revision left out by a later one", left.stream().anyMatch(earlier -> alerts.stream()
                    .noneMatch(alert -> alert.getRecipientState().equals(earlier.getRecipientState()))) && revision.getRevision() > 0);
            left.addAll(alerts);
        }
        reach.cases++;
    }


    /** Checks one incident revision's egress; returns its alerts. */
    private List<AlertIssued> check(Case testCase, Random random, Reach reach) {
        IncidentReported incident = testCase.incident();
        String reporter = incident.getReportingState();
        List<String> named = incident.getNamedRecipients();
        List<Agreement> covering = testCase.agreements().stream().filter(a -> covers(a, incident)).toList();

        List<Route> routes = Router.route(incident, testCase.agreements());
        List<Agreement> shuffled = new ArrayList<>(testCase.agreements());
        Collections.shuffle(shuffled, random);
        List<Route> routesOfShuffled = Router.route(incident, shuffled);

        // Exactly the states that a covering agreement lists with the reporter, minus the reporter,
        // narrowed to the named recipients when there are any, and to them only under TLP:RED.
        Set<String> eligible = new TreeSet<>();
        covering.forEach(a -> eligible.addAll(a.getParties()));
        eligible.remove(reporter);
        if (!named.isEmpty() || incident.getTlp() == Tlp.RED) {
            eligible.retainAll(named);
        }
        List<String> recipients = routes.stream().map(Route::recipientState).toList();
        recipients.forEach(recipient -> checkRecipient(incident, recipient, covering));
        require(new HashSet<>(recipients).size() == recipients.size(), "one route per recipient: " + recipients);
        require(new TreeSet<>(recipients).equals(eligible), "recipients " + recipients + " are the eligible states " + eligible);
        require(routesOfShuffled.equals(routes), "routes do not depend on the order agreements come in");

        reach.cases++;
        reach.count("case with RED and no named recipient", incident.getTlp() == Tlp.RED && named.isEmpty());
        reach.count("case with alerts", !routes.isEmpty());
        reach.count("case with covering agreements but no alert", !covering.isEmpty() && routes.isEmpty());
        Set<String> alertIds = new HashSet<>();
        List<AlertIssued> alerts = new ArrayList<>();
        for (Route route : routes) {
            String recipient = route.recipientState();
            List<Agreement> pair = covering.stream().filter(a -> a.getParties().contains(recipient)).toList();
            AlertComposer.Composed composed = composer.compose(incident, route, "contact-" + recipient);
            checkAlert(incident, recipient, pair, composed);
            require(alertIds.add(composed.alert().getAlertId()), "alert ids differ between recipients");

            // Deterministic: composing again, on another clock, or from shuffled agreements gives the same events.
            require(laterComposer.compose(incident, route, "contact-" + recipient).equals(composed),
                    "composing twice gives the same alert and ledger entry");
            require(composer.compose(incident, routesOfShuffled.get(routes.indexOf(route)), "contact-" + recipient).equals(composed),
                    "the same alert whatever order the agreements came in");

            reach.alerts++;
            AlertIssued alert = composed.alert();
            alerts.add(alert);
            reach.count("RED alert", alert.getTlp() == Tlp.RED);
            reach.count("AMBER+STRICT alert", alert.getTlp() == Tlp.AMBER_STRICT);
            reach.count("alert to a named recipient", !named.isEmpty());
            reach.count("alert under several agreements", pair.size() > 1);
            reach.count("personal data disclosed", alert.getPersonalData() != null);
            reach.count("personal data disclosed under several agreements", alert.getPersonalData() != null && pair.size() > 1);
            reach.count("personal data withheld for want of a legal basis", incident.getPersonalData() != null
                    && pair.stream().anyMatch(a -> a.getDataCategories().contains(DataCategory.PERSONAL_DATA) && !hasLegalBasis(a)));
            reach.count("indicators withheld", incident.getIndicators().size() > 0 && alert.getIndicators() == null);
            reach.count("operational data withheld", alert.getTitle() == null);
        }
        return alerts;
    }

    /** Who: covered by an agreement that lists both states; never the reporter; RED and naming narrow. */
    private static void checkRecipient(IncidentReported incident, String recipient, List<Agreement> covering) {
        List<String> named = incident.getNamedRecipients();
        require(covering.stream().anyMatch(a -> a.getParties().contains(recipient) && a.getParties().contains(incident.getReportingState())),
                recipient + " is covered by an agreement that lists both states");
        require(!recipient.equals(incident.getReportingState()), "never the reporter");
        require(incident.getTlp() != Tlp.RED || named.contains(recipient), "TLP:RED only to named recipients");
        require(named.isEmpty() || named.contains(recipient), "only named recipients when some are named");
    }

    private static void checkAlert(IncidentReported incident, String recipient, List<Agreement> pair, AlertComposer.Composed composed) {
        AlertIssued alert = composed.alert();
        DisclosureRecorded ledger = composed.disclosure();

        require(alert.getRecipientState().equals(recipient) && ledger.getRecipientState().equals(recipient), "addressed to " + recipient);
        require(alert.getReportingState().equals(incident.getReportingState()), "reporting state carried");

        // TLP: the incident's, within the ceiling of every agreement named on the alert, all of which cover the pair.
        require(alert.getTlp() == incident.getTlp() && ledger.getTlp() == incident.getTlp(), "the incident's TLP");
        Set<AgreementRef> pairRefs = pair.stream().map(a -> new AgreementRef(a.getAgreementId(), a.getVersion()))
                .collect(Collectors.toSet());
        require(new HashSet<>(alert.getCoveringAgreements()).equals(pairRefs), "lists exactly the covering agreements " + pairRefs);
        require(alert.getCoveringAgreements().size() == pairRefs.size(), "lists each covering agreement once");
        require(pairRefs.contains(alert.getAgreement()), "names a covering agreement");
        require(ledger.getAgreement().equals(alert.getAgreement()), "the ledger names the alert's agreement");
        List<AgreementRef> namedOnAlert = new ArrayList<>(alert.getCoveringAgreements());
        namedOnAlert.add(alert.getAgreement());
        for (AgreementRef ref : namedOnAlert) {
            Agreement agreement = pair.stream().filter(a -> a.getAgreementId().equals(ref.getAgreementId())).findFirst().orElseThrow();
            require(alert.getTlp().compareTo(agreement.getMaxTlp()) <= 0, "TLP within the ceiling of " + ref);
        }

        // What: only categories every covering agreement permits; classification always.
        Set<DataCategory> permitted = EnumSet.allOf(DataCategory.class);
        pair.forEach(a -> permitted.retainAll(permits(a)));
        Set<DataCategory> present = present(incident);
        boolean operational = permitted.contains(DataCategory.OPERATIONAL);
        require(operational == (alert.getTitle() != null) && operational == (alert.getSummary() != null)
                && operational == (alert.getAffectedStates() != null), "title, summary, affected states iff operational");
        if (operational) {
            require(alert.getTitle().equals(incident.getTitle()) && alert.getSummary().equals(incident.getSummary())
                    && alert.getAffectedStates().equals(incident.getAffectedStates()), "operational data as reported");
        }
        boolean indicators = permitted.contains(DataCategory.INDICATORS) && present.contains(DataCategory.INDICATORS);
        require(indicators == (alert.getIndicators() != null), "indicators iff permitted and present");
        require(!indicators || alert.getIndicators().equals(incident.getIndicators()), "indicators as reported");
        boolean personal = permitted.contains(DataCategory.PERSONAL_DATA) && present.contains(DataCategory.PERSONAL_DATA);
        require(personal == (alert.getPersonalData() != null), "personal data iff permitted and present");
        if (alert.getPersonalData() != null) {
            require(pair.stream().allMatch(a -> a.getDataCategories().contains(DataCategory.PERSONAL_DATA) && hasLegalBasis(a)),
                    "personal data only when every covering agreement lists it with a legal basis");
            require(alert.getPersonalData().equals(incident.getPersonalData()), "personal data as reported");
        }
        require(alert.getSector() == incident.getSector() && alert.getIncidentClass() == incident.getIncidentClass()
                && alert.getSeverity() == incident.getSeverity() && alert.getIssuedAt().equals(sharedAt(incident))
                && alert.getDetectedAt().equals(incident.getDetectedAt()), "classification and times always flow");

        // Withheld: what the incident has but may not flow, each with a reason; the same on alert and ledger.
        Set<DataCategory> expectedWithheld = EnumSet.noneOf(DataCategory.class);
        expectedWithheld.addAll(present);
        expectedWithheld.removeAll(permitted);
        List<DataCategory> withheld = alert.getWithheld().stream().map(WithheldCategory::getCategory).toList();
        require(withheld.size() == expectedWithheld.size() && expectedWithheld.containsAll(withheld),
                "withheld " + withheld + " is " + expectedWithheld);
        require(alert.getWithheld().stream().allMatch(w -> w.getReason() != null && !w.getReason().isBlank()), "every withholding has a reason");
        require(ledger.getWithheld().equals(alert.getWithheld()), "the ledger records what the alert withheld");

        // Ledger: disclosed and withheld partition the categories the incident has content in.
        List<DataCategory> disclosed = ledger.getDisclosed();
        Set<DataCategory> partition = EnumSet.noneOf(DataCategory.class);
        partition.addAll(disclosed);
        partition.addAll(withheld);
        require(disclosed.size() + withheld.size() == present.size() && partition.equals(present),
                "disclosed " + disclosed + " and withheld " + withheld + " partition " + present);
        Set<DataCategory> expectedDisclosed = EnumSet.noneOf(DataCategory.class);
        expectedDisclosed.addAll(present);
        expectedDisclosed.retainAll(permitted);
        require(new HashSet<>(disclosed).equals(expectedDisclosed), "disclosed " + disclosed + " is " + expectedDisclosed);
        require((ledger.getLegalBasis() != null) == (alert.getPersonalData() != null), "legal basis recorded iff personal data left");
        if (ledger.getLegalBasis() != null) {
            for (Agreement agreement : pair) {
                require(ledger.getLegalBasis().contains(agreement.getPersonalDataLegalBasis().strip()),
                        "the recorded legal basis names " + agreement.getAgreementId() + "'s");
            }
        }
        require(ledger.getAlertId().equals(alert.getAlertId()) && ledger.getIncidentId().equals(incident.getIncidentId())
                && alert.getIncidentId().equals(incident.getIncidentId())
                && ledger.getReportingState().equals(incident.getReportingState())
                && ledger.getDisclosedAt().equals(sharedAt(incident)), "the ledger entry is the alert's");
        require(alert.getIncidentRevision() == incident.getRevision(), "the alert names the revision it shares");
        require(incident.getRevision() != 0
                        || alert.getAlertId().equals(EventMetadataFactory.derivedId(incident.getIncidentId() + "/" + recipient)),
                "the report's alert keeps the id alerts always had");
        require(!ledger.getMetadata().getEventId().equals(alert.getMetadata().getEventId()), "alert and ledger entry are two events");
        require(Objects.equals(alert.getMetadata().getExerciseId(), incident.getMetadata().getExerciseId())
                && Objects.equals(ledger.getMetadata().getExerciseId(), incident.getMetadata().getExerciseId()), "exercise id carried");
    }

    /** The README's coverage rule, read independently of {@code Router}. */
    static boolean covers(Agreement agreement, IncidentReported incident) {
        Instant at = sharedAt(incident);
        boolean valid = agreement.getValidFrom().compareTo(at) <= 0
                && (agreement.getValidUntil() == null || agreement.getValidUntil().compareTo(at) > 0);
        return agreement.getStatus() == AgreementStatus.ACTIVE && valid
                && agreement.getParties().contains(incident.getReportingState())
                && agreement.getSectors().contains(incident.getSector())
                && agreement.getIncidentClasses().contains(incident.getIncidentClass())
                && incident.getSeverity().ordinal() >= agreement.getMinimumSeverity().ordinal()
                && incident.getTlp().ordinal() <= agreement.getMaxTlp().ordinal();
    }

    /** When a revision is shared: the report at its report time, an update at its own time. */
    static Instant sharedAt(IncidentReported incident) {
        return incident.getRevision() == 0 ? incident.getReportedAt() : incident.getMetadata().getOccurredAt();
    }

    /** What one agreement lets flow: the categories it lists, personal data only with a non-blank legal basis. */
    static Set<DataCategory> permits(Agreement agreement) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (DataCategory category : agreement.getDataCategories()) {
            if (category != DataCategory.PERSONAL_DATA || hasLegalBasis(agreement)) {
                categories.add(category);
            }
        }
        return categories;
    }

    static boolean hasLegalBasis(Agreement agreement) {
        return agreement.getPersonalDataLegalBasis() != null && !agreement.getPersonalDataLegalBasis().isBlank();
    }

    /** The categories the incident has content in: operational always (title and summary are required). */
    static Set<DataCategory> present(IncidentReported incident) {
        Set<DataCategory> present = EnumSet.of(DataCategory.OPERATIONAL);
        if (!incident.getIndicators().isEmpty()) {
            present.add(DataCategory.INDICATORS);
        }
        if (incident.getPersonalData() != null) {
            present.add(DataCategory.PERSONAL_DATA);
        }
        return present;
    }

    private static void require(boolean holds, String property) {
        if (!holds) {
            throw new AssertionError("property broken: " + property);
        }
    }

    // ---- the generator --------------------------------------------------------------------

    static Case generate(Random random, int number) {
        IncidentReported incident = incident(random, number);
        List<String> ids = new ArrayList<>(List.of("csbm-a", "csbm-b", "csbm-c", "csbm-d", "csbm-e", "csbm-f"));
        Collections.shuffle(ids, random);
        int count = 1 + random.nextInt(6);
        List<Agreement> agreements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            agreements.add(agreement(random, ids.get(i), incident));
        }
        return new Case(number, incident, agreements);
    }

    /** Any of eight states reports; TLP up to RED; named recipients, indicators and personal data sometimes. */
    static IncidentReported incident(Random random, int number) {
        Tlp tlp = pick(random, Tlp.values());
        boolean naming = random.nextInt(100) < (tlp == Tlp.RED ? 70 : 25);
        String incidentId = "INC-P-" + number;
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("evt-" + incidentId, REPORTED_AT, "incident-service",
                        random.nextInt(10) == 0 ? "EX-" + random.nextInt(3) : null))
                .setIncidentId(incidentId)
                .setReportingState(pick(random, STATES))
                .setReporter("poc-" + random.nextInt(4))
                .setDetectedAt(REPORTED_AT.minus(Duration.ofMinutes(random.nextInt(600))))
                .setReportedAt(REPORTED_AT)
                .setSector(pick(random, SECTORS))
                .setIncidentClass(pick(random, CLASSES))
                .setSeverity(pick(random, Severity.values()))
                .setTlp(tlp)
                .setTitle("Incident " + number)
                .setSummary("What happened in incident " + number)
                .setIndicators(random.nextBoolean() ? List.of("198.51.100." + random.nextInt(256), "evil-" + number + ".example") : List.of())
                .setPersonalData(random.nextBoolean() ? new PersonalData(List.of("Person " + number), List.of(),
                        random.nextBoolean() ? List.of("acct-" + number) : List.of(), null) : null)
                .setAffectedStates(subset(random, STATES, 0, 3))
                .setNamedRecipients(naming ? subset(random, STATES, 1, 3) : List.of())
                .build();
    }

    /**
     * The report, then one to five writes of later revisions: mostly the next revision with the
     * label kept or raised and the named recipients kept or narrowed, as intake makes them; now and
     * then a lowered label (past intake's check), a repeat of a revision already written, or a
     * revision number claimed twice. Each comes up to thirty days after the one before, so
     * agreements may have started or ended in between.
     */
    static List<IncidentReported> revisions(Random random, IncidentReported report) {
        List<IncidentReported> written = new ArrayList<>(List.of(report));
        IncidentReported latest = report;
        int updates = 1 + random.nextInt(5);
        for (int i = 0; i < updates; i++) {
            int kind = random.nextInt(100);
            if (kind < 8) {
                written.add(pick(random, written));
                continue;
            }
            Tlp current = latest.getTlp();
            Tlp tlp = kind < 20 ? pick(random, Tlp.values())
                    : Tlp.values()[current.ordinal() + random.nextInt(Tlp.values().length - current.ordinal())];
            List<String> named = latest.getNamedRecipients();
            if (!named.isEmpty() && random.nextInt(100) < 40) {
                named = subset(random, named, 1, named.size());
            } else if (named.isEmpty() && random.nextInt(100) < (tlp == Tlp.RED ? 80 : 15)) {
                named = subset(random, STATES, 1, 3);
            }
            int revision = latest.getRevision() + (kind < 28 ? 0 : 1);
            Instant at = latest.getMetadata().getOccurredAt().plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
            latest = IncidentReported.newBuilder(latest)
                    .setMetadata(new EventMetadata("evt-" + latest.getIncidentId() + "-" + written.size(), at,
                            "incident-service", latest.getMetadata().getExerciseId()))
                    .setRevision(revision)
                    .setTlp(tlp)
                    .setSeverity(random.nextInt(100) < 30 ? pick(random, Severity.values()) : latest.getSeverity())
                    .setSummary(latest.getSummary() + " Update " + written.size() + ".")
                    .setNamedRecipients(named)
                    .build();
            written.add(latest);
        }
        return written;
    }

    /**
     * A random agreement, each condition leaning towards covering the incident so that most cases
     * route somewhere, yet every condition also fails often enough.
     */
    static Agreement agreement(Random random, String id, IncidentReported incident) {
        List<String> parties = new ArrayList<>(subset(random, STATES, 2, 4));
        if (random.nextInt(100) < 75 && !parties.contains(incident.getReportingState())) {
            parties.set(random.nextInt(parties.size()), incident.getReportingState());
        }
        List<Sector> sectors = new ArrayList<>(subset(random, SECTORS, 1, 3));
        if (random.nextInt(100) < 60 && !sectors.contains(incident.getSector())) {
            sectors.add(incident.getSector());
        }
        List<IncidentClass> classes = new ArrayList<>(subset(random, CLASSES, 1, 2));
        if (random.nextInt(100) < 60 && !classes.contains(incident.getIncidentClass())) {
            classes.add(incident.getIncidentClass());
        }
        Severity minimum = random.nextInt(100) < 70
                ? Severity.values()[random.nextInt(incident.getSeverity().ordinal() + 1)]
                : pick(random, Severity.values());
        Tlp ceiling = random.nextInt(100) < 70
                ? Tlp.values()[incident.getTlp().ordinal() + random.nextInt(Tlp.values().length - incident.getTlp().ordinal())]
                : pick(random, Tlp.values());
        List<DataCategory> categories = new ArrayList<>(Arrays.stream(DataCategory.values())
                .filter(category -> random.nextInt(100) < 65).toList());
        Collections.shuffle(categories, random);
        int basis = random.nextInt(10);
        String legalBasis = basis < 5 ? pick(random, LEGAL_BASES) : basis < 7 ? pick(random, List.of("", "   ")) : null;
        AgreementStatus status = random.nextInt(100) < 80 ? AgreementStatus.ACTIVE : pick(random, AgreementStatus.values());
        Instant at = incident.getReportedAt();
        int from = random.nextInt(100);
        Instant validFrom = from < 85 ? at.minus(Duration.ofDays(1 + random.nextInt(400)))
                : from < 93 ? at : at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 30)));
        int until = random.nextInt(100);
        Instant validUntil = until < 60 ? null
                : until < 85 ? at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 400)))
                : until < 92 ? at : at.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 30)));
        List<Commitment> commitments = new ArrayList<>();
        for (CommitmentKind kind : CommitmentKind.values()) {
            if (random.nextBoolean()) {
                long within = Duration.ofMinutes(15 + random.nextInt(60 * 72)).toMillis();
                commitments.add(new Commitment(kind, within, random.nextBoolean() ? null : within / (1 + random.nextInt(4))));
            }
        }
        return Agreement.newBuilder()
                .setMetadata(new EventMetadata("ref-" + id, at.minus(Duration.ofDays(400)), "notification-service", null))
                .setAgreementId(id)
                .setVersion(1 + random.nextInt(5))
                .setTitle("CSBM " + id)
                .setParties(parties)
                .setSectors(sectors)
                .setIncidentClasses(classes)
                .setMinimumSeverity(minimum)
                .setMaxTlp(ceiling)
                .setDataCategories(categories)
                .setPersonalDataLegalBasis(legalBasis)
                .setCommitments(commitments)
                .setValidFrom(validFrom)
                .setValidUntil(validUntil)
                .setStatus(status)
                .build();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Between min and max distinct elements, in random order. */
    private static <T> List<T> subset(Random random, List<T> values, int min, int max) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, min + random.nextInt(max - min + 1)));
    }
}
