package org.entente.notification.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.entente.events.Agreement;
import org.entente.notification.address.WebhookAddressPolicy;
import org.entente.notification.reference.ReferenceDocuments.AgreementDocument;
import org.entente.notification.reference.ReferenceDocuments.ContactChainDocument;
import org.entente.notification.reference.ReferenceDocuments.StateDocument;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.entente.platform.states.KnownStates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The coordinator's admin API for states, contact chains and agreements. A change is answered
 * 202 once it is on its compacted topic; the fan-out applies it moments later. A state is
 * registered by putting it, under a new code or a known one; everything else names registered
 * states only (400 naming an unregistered code), and a webhook address must pass the address
 * policy on what its host resolves to when the chain is saved.
 */
@RestController
@RequestMapping("/api/v1/reference")
@PreAuthorize("hasRole('COORDINATOR')")
class ReferenceDataController {

    private final ReferenceDataView view;
    private final ReferenceDataPublisher publisher;
    private final EventMetadataFactory metadata;
    private final KnownStates states;
    private final WebhookAddressPolicy addressPolicy;

    ReferenceDataController(ReferenceDataView view, ReferenceDataPublisher publisher, EventMetadataFactory metadata,
            KnownStates states, WebhookAddressPolicy addressPolicy) {
        this.view = view;
        this.publisher = publisher;
        this.metadata = metadata;
        this.states = states;
        this.addressPolicy = addressPolicy;
    }

    @GetMapping("/states")
    List<StateDocument> states() {
        return view.states().stream().map(ReferenceDataMapper::document)
                .sorted(Comparator.comparing(StateDocument::code)).toList();
    }

    @PutMapping("/states/{code}")
    ResponseEntity<StateDocument> putState(@PathVariable String code, @RequestBody StateDocument document) {
        requireSameId("code", code, document.code());
        publisher.publish(ReferenceDataMapper.state(document, "", metadata.now(null)));
        return ResponseEntity.accepted().body(document);
    }

    @GetMapping("/contacts/{state}")
    ContactChainDocument contacts(@PathVariable String state) {
        states.require("state", state);
        return view.contacts(state).map(ReferenceDataMapper::document).orElseThrow(() -> notFound("contact chain", state));
    }

    @PutMapping("/contacts/{state}")
    ResponseEntity<ContactChainDocument> putContacts(@PathVariable String state, @RequestBody ContactChainDocument document) {
        requireSameId("state", state, document.state());
        states.require("state", state);
        publisher.publish(ReferenceDataMapper.contacts(document, "", metadata.now(null), addressPolicy));
        return ResponseEntity.accepted().body(document);
    }

    @GetMapping("/agreements")
    List<AgreementDocument> agreements() {
        return view.agreements().stream().sorted(Comparator.comparing(Agreement::getAgreementId))
                .map(ReferenceDataMapper::document).toList();
    }

    @GetMapping("/agreements/{id}")
    AgreementDocument agreement(@PathVariable String id) {
        return view.agreement(id).map(ReferenceDataMapper::document).orElseThrow(() -> notFound("agreement", id));
    }

    /**
     * A new version of an agreement must carry a higher version number than the one in force, and
     * name registered states as parties.
     */
    @PutMapping("/agreements/{id}")
    ResponseEntity<AgreementDocument> putAgreement(@PathVariable String id, @RequestBody AgreementDocument document) {
        requireSameId("id", id, document.id());
        Agreement agreement = agreementOfRegisteredParties(document);
        view.agreement(id).filter(current -> current.getVersion() >= agreement.getVersion()).ifPresent(current -> {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Version " + current.getVersion() + " of " + id + " is in force; send a higher version.");
        });
        publisher.publish(agreement);
        return ResponseEntity.accepted().body(document);
    }

    /** The agreement, or every bad field at once: the mapper's and the parties that are no registered state. */
    private Agreement agreementOfRegisteredParties(AgreementDocument document) {
        List<FieldViolation> violations = new ArrayList<>();
        List<String> parties = document.parties() == null ? List.of() : document.parties();
        for (int i = 0; i < parties.size(); i++) {
            states.checkRegistered(violations, "parties[" + i + "]", parties.get(i));
        }
        try {
            Agreement agreement = ReferenceDataMapper.agreement(document, "", metadata.now(null));
            if (violations.isEmpty()) {
                return agreement;
            }
        } catch (InvalidRequestException invalid) {
            violations.addAll(invalid.violations());
        }
        throw new InvalidRequestException(violations);
    }

    private static void requireSameId(String field, String inPath, String inBody) {
        if (!inPath.equals(inBody)) {
            throw new InvalidRequestException(List.of(new FieldViolation(field, "must equal the id in the path")));
        }
    }

    private static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id);
    }
}
