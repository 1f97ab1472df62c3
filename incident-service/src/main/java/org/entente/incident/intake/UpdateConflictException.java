package org.entente.incident.intake;

/**
 * An update the incident's current revision does not allow: answered 409 with a problem type per
 * rule, so a client can tell a refused label change from a refused recipient change.
 */
class UpdateConflictException extends RuntimeException {

    enum Rule {
        /** TLP labels are only ever raised. */
        TLP_LOWERED("tlp-lowered", "TLP label lowered"),
        /** Named recipients may only be narrowed. */
        RECIPIENTS_WIDENED("named-recipients-widened", "Named recipients widened");

        private final String slug;
        private final String title;

        Rule(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        String slug() {
            return slug;
        }

        String title() {
            return title;
        }
    }

    private final Rule rule;

    UpdateConflictException(Rule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    Rule rule() {
        return rule;
    }
}
