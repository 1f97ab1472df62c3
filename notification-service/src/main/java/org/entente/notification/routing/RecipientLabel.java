package org.entente.notification.routing;

import org.entente.events.Tlp;

/**
 * The {@code recipient_state} label of an alert's metrics. Metrics reach operators and their
 * tools, not only the parties: which partners an AMBER+STRICT or RED incident went to stays in the
 * disclosure ledger and the inboxes, and its alerts count under {@value #WITHHELD}.
 */
public final class RecipientLabel {

    public static final String NAME = "recipient_state";
    public static final String WITHHELD = "withheld";

    private RecipientLabel() {
    }

    public static String of(String recipientState, Tlp tlp) {
        return tlp == Tlp.AMBER_STRICT || tlp == Tlp.RED ? WITHHELD : recipientState;
    }
}
