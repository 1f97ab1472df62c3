package org.entente.trust.figures;

/** Where tallies are kept, by key, as the stream processes outcomes. */
public interface Tallies {

    /** {@code null} when no outcome counts there. */
    Tally get(TallyKey key);

    void put(TallyKey key, Tally tally);

    void delete(TallyKey key);
}
