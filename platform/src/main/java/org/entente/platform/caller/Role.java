package org.entente.platform.caller;

/** What a caller may do; see DESIGN.md §1. */
public enum Role {
    POC, COORDINATOR, OPERATOR, PLANNER, OVERSIGHT;

    public String authority() {
        return "ROLE_" + name();
    }
}
