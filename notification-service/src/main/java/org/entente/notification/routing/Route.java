package org.entente.notification.routing;

/** One recipient of an incident and the terms it receives it under. */
public record Route(String recipientState, EffectiveTerms terms) {
}
