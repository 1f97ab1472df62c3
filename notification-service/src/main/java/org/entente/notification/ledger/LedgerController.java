package org.entente.notification.ledger;

import java.util.List;

import org.entente.notification.ledger.LedgerQueries.Disclosure;
import org.entente.notification.ledger.LedgerQueries.PersonalDataRecipient;
import org.entente.notification.ledger.LedgerQueries.WithheldFromAlert;
import org.entente.platform.states.KnownStates;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The disclosure ledger for oversight (data-protection officer, ombudsperson): who received which
 * field categories of which incident, under which agreement and legal basis, and what was
 * withheld and why. Read-only; every other role is refused.
 */
@RestController
@RequestMapping("/api/v1/ledger")
@PreAuthorize("hasRole('OVERSIGHT')")
class LedgerController {

    private final LedgerView ledger;
    private final KnownStates states;

    LedgerController(LedgerView ledger, KnownStates states) {
        this.ledger = ledger;
        this.states = states;
    }

    @GetMapping("/disclosures")
    List<Disclosure> disclosures(@RequestParam(required = false) String recipient,
            @RequestParam(required = false) String agreement,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LedgerFilter filter = LedgerFilter.parse(states, recipient, agreement, from, to);
        return LedgerQueries.disclosures(ledger.recipient(filter.recipient()), filter);
    }

    @GetMapping("/incidents/{incidentId}/personal-data-recipients")
    List<PersonalDataRecipient> personalDataRecipients(@PathVariable String incidentId) {
        return LedgerQueries.personalDataRecipients(ledger.all(), incidentId);
    }

    @GetMapping("/withheld")
    List<WithheldFromAlert> withheld(@RequestParam(required = false) String recipient,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LedgerFilter filter = LedgerFilter.parse(states, recipient, null, from, to);
        return LedgerQueries.withheld(ledger.recipient(filter.recipient()), filter);
    }
}
