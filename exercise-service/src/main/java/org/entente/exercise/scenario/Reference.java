package org.entente.exercise.scenario;

/** Where a scenario's states, points of contact and agreements come from. */
public sealed interface Reference permits Reference.Live, InlineReference {

    /** The reference data the pipeline holds at replay time ({@code reference: live}). */
    record Live() implements Reference {
    }
}
