package org.entente.notification.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
import org.entente.platform.states.StateCodes;
import org.entente.schemas.Labels;

/**
 * Turns reference documents into reference-data records and back, checking every rule and
 * reporting every bad field at once (with {@code prefix} locating it in a larger file).
 */
public final class ReferenceDataMapper {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ReferenceDataMapper() {
    }

    public static StateProfile state(StateDocument document, String prefix, EventMetadata metadata) {
        Violations violations = new Violations(prefix);
        stateCode(violations, "code", document.code());
        required(violations, "name", document.name());
        violations.throwIfAny();
        return new StateProfile(metadata, document.code(), document.name().strip());
    }

    /** A webhook address must also pass {@code addressPolicy} on what its host resolves to now. */
    public static ContactChain contacts(ContactChainDocument document, String prefix, EventMetadata metadata,
            WebhookAddressPolicy addressPolicy) {
        Violations violations = new Violations(prefix);
        stateCode(violations, "state", document.state());
        List<Contact> contacts = new ArrayList<>();
        if (document.chain() == null || document.chain().isEmpty()) {
            violations.add("chain", "must list at least one contact");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < document.chain().size(); i++) {
                if (document.chain().get(i) == null) {
                    violations.add("chain[" + i + "]", "must not be empty");
                } else {
                    contacts.add(contact(violations, "chain[" + i + "]", document.chain().get(i), ids, addressPolicy));
                }
            }
        }
        violations.throwIfAny();
        return new ContactChain(metadata, document.state(), contacts);
    }

    public static Agreement agreement(AgreementDocument document, String prefix, EventMetadata metadata) {
        Violations violations = new Violations(prefix);
        identifier(violations, "id", document.id());
        if (document.version() == null) {
            violations.add("version", "is required");
        } else if (document.version() < 1) {
            violations.add("version", "must be 1 or more");
        }
        required(violations, "title", document.title());
        List<String> parties = document.parties() == null ? List.of() : document.parties();
        if (parties.size() < 2 || new HashSet<>(parties).size() != parties.size()) {
            violations.add("parties", "must list at least two distinct states");
        }
        for (int i = 0; i < parties.size(); i++) {
            stateCode(violations, "parties[" + i + "]", parties.get(i));
        }
        List<Sector> sectors = labels(violations, "sectors", document.sectors(), Sector.class, true);
        List<IncidentClass> classes = labels(violations, "incidentClasses", document.incidentClasses(), IncidentClass.class, true);
        Optional<Severity> severity = label(violations, "minimumSeverity", document.minimumSeverity(), Severity.class);
        Optional<Tlp> maxTlp = label(violations, "maxTlp", document.maxTlp(), Tlp.class);
        List<DataCategory> categories = labels(violations, "dataCategories", document.dataCategories(), DataCategory.class, false);
        String legalBasis = blankToNull(document.personalDataLegalBasis());
        if (categories.contains(DataCategory.PERSONAL_DATA) && legalBasis == null) {
            violations.add("personalDataLegalBasis", "is required when personal-data may flow");
        }
        List<Commitment> commitments = commitments(violations, document.commitments());
        if (document.validFrom() == null) {
            violations.add("validFrom", "is required");
        } else if (document.validUntil() != null && !document.validUntil().isAfter(document.validFrom())) {
            violations.add("validUntil", "must be after validFrom");
        }
        Optional<AgreementStatus> status = label(violations, "status", document.status(), AgreementStatus.class);
        violations.throwIfAny();
        return Agreement.newBuilder()
                .setMetadata(metadata)
                .setAgreementId(document.id())
                .setVersion(document.version())
                .setTitle(document.title().strip())
                .setParties(parties)
                .setSectors(sectors)
                .setIncidentClasses(classes)
                .setMinimumSeverity(severity.orElseThrow())
                .setMaxTlp(maxTlp.orElseThrow())
                .setDataCategories(categories)
                .setPersonalDataLegalBasis(legalBasis)
                .setCommitments(commitments)
                .setValidFrom(document.validFrom())
                .setValidUntil(document.validUntil())
                .setStatus(status.orElseThrow())
                .build();
    }

    public static StateDocument document(StateProfile state) {
        return new StateDocument(state.getCode(), state.getName());
    }

    public static ContactChainDocument document(ContactChain chain) {
        return new ContactChainDocument(chain.getStateCode(), chain.getContacts().stream()
                .map(contact -> new ContactDocument(contact.getContactId(), contact.getName(), contact.getChannels().stream()
                        .map(channel -> new ChannelDocument(Labels.of(channel.getType()), channel.getAddress()))
                        .toList()))
                .toList());
    }

    public static AgreementDocument document(Agreement agreement) {
        return new AgreementDocument(agreement.getAgreementId(), agreement.getVersion(), agreement.getTitle(),
                agreement.getParties(), labels(agreement.getSectors()), labels(agreement.getIncidentClasses()),
                Labels.of(agreement.getMinimumSeverity()), Labels.of(agreement.getMaxTlp()),
                labels(agreement.getDataCategories()), agreement.getPersonalDataLegalBasis(),
                agreement.getCommitments().stream()
                        .map(c -> new CommitmentDocument(Labels.of(c.getKind()), Duration.ofMillis(c.getWithinMillis()),
                                c.getGraceMillis() == null ? null : Duration.ofMillis(c.getGraceMillis())))
                        .toList(),
                agreement.getValidFrom(), agreement.getValidUntil(), Labels.of(agreement.getStatus()));
    }

    private static List<String> labels(List<? extends Enum<?>> values) {
        return values.stream().map(Labels::of).toList();
    }

    private static Contact contact(Violations violations, String field, ContactDocument document, Set<String> ids,
            WebhookAddressPolicy addressPolicy) {
        identifier(violations, field + ".id", document.id());
        if (document.id() != null && !ids.add(document.id())) {
            violations.add(field + ".id", "appears twice in the chain");
        }
        required(violations, field + ".name", document.name());
        List<DeliveryChannel> channels = new ArrayList<>();
        List<ChannelDocument> given = document.channels() == null ? List.of() : document.channels();
        if (given.isEmpty()) {
            violations.add(field + ".channels", "must list at least one channel");
        }
        for (int i = 0; i < given.size(); i++) {
            String channelField = field + ".channels[" + i + "]";
            ChannelDocument channel = given.get(i);
            if (channel == null) {
                violations.add(channelField, "must not be empty");
                continue;
            }
            Optional<ChannelType> type = label(violations, channelField + ".type", channel.type(), ChannelType.class);
            String address = blankToNull(channel.address());
            if (type.filter(ChannelType.WEBHOOK::equals).isPresent()) {
                if (address == null || !address.startsWith("https://")) {
                    violations.add(channelField + ".address", "must be an https:// URL for a webhook");
                } else {
                    addressPolicy.refusalToRegister(address).ifPresent(refusal -> violations.add(channelField + ".address", refusal));
                }
            }
            type.ifPresent(t -> channels.add(new DeliveryChannel(t, address)));
        }
        return new Contact(document.id(), document.name() == null ? "" : document.name().strip(), channels);
    }

    private static List<Commitment> commitments(Violations violations, List<CommitmentDocument> documents) {
        List<Commitment> commitments = new ArrayList<>();
        if (documents == null) {
            return commitments;
        }
        Set<CommitmentKind> kinds = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            String field = "commitments[" + i + "]";
            CommitmentDocument document = documents.get(i);
            if (document == null) {
                violations.add(field, "must not be empty");
                continue;
            }
            Optional<CommitmentKind> kind = label(violations, field + ".kind", document.kind(), CommitmentKind.class);
            if (kind.isPresent() && !kinds.add(kind.get())) {
                violations.add(field + ".kind", "appears twice");
            }
            if (document.within() == null || document.within().isNegative() || document.within().isZero()) {
                violations.add(field + ".within", "must be a positive ISO-8601 duration such as PT1H");
            }
            if (document.grace() != null && document.grace().isNegative()) {
                violations.add(field + ".grace", "must not be negative");
            }
            if (kind.isPresent() && document.within() != null) {
                commitments.add(new Commitment(kind.get(), document.within().toMillis(),
                        document.grace() == null ? null : document.grace().toMillis()));
            }
        }
        return commitments;
    }

    private static <E extends Enum<E>> Optional<E> label(Violations violations, String field, String value, Class<E> type) {
        if (value == null) {
            violations.add(field, "is required");
            return Optional.empty();
        }
        Optional<E> parsed = Labels.parse(type, value);
        if (parsed.isEmpty()) {
            violations.add(field, "must be one of " + Labels.allOf(type));
        }
        return parsed;
    }

    private static <E extends Enum<E>> List<E> labels(Violations violations, String field, List<String> values, Class<E> type,
            boolean required) {
        if (values == null || values.isEmpty()) {
            if (required) {
                violations.add(field, "must list at least one value");
            }
            return List.of();
        }
        List<E> parsed = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            label(violations, field + "[" + i + "]", values.get(i), type).ifPresent(parsed::add);
        }
        return parsed.stream().distinct().toList();
    }

    private static void stateCode(Violations violations, String field, String value) {
        if (value == null) {
            violations.add(field, "is required");
        } else if (!StateCodes.wellFormed(value)) {
            violations.add(field, StateCodes.MALFORMED);
        }
    }

    private static void identifier(Violations violations, String field, String value) {
        matches(violations, field, value, IDENTIFIER, "must be lower-case letters, digits and hyphens, at most 64");
    }

    private static void matches(Violations violations, String field, String value, Pattern pattern, String message) {
        if (value == null) {
            violations.add(field, "is required");
        } else if (!pattern.matcher(value).matches()) {
            violations.add(field, message);
        }
    }

    private static void required(Violations violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(field, "is required");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Collects violations under a common path prefix. */
    private static final class Violations {
        private final String prefix;
        private final List<FieldViolation> found = new ArrayList<>();

        Violations(String prefix) {
            this.prefix = prefix;
        }

        void add(String field, String message) {
            found.add(new FieldViolation(prefix + field, message));
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw new InvalidRequestException(found);
            }
        }
    }
}
