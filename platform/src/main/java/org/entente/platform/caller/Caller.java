package org.entente.platform.caller;

import java.util.Set;

/**
 * The authenticated caller: who they are, which state they act for (none for hub roles such as
 * the coordinator) and their roles. Controllers take it as a parameter; it never comes from a
 * request body.
 */
public record Caller(String subject, String state, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean actsFor(String stateCode) {
        return state != null && state.equals(stateCode);
    }
}
