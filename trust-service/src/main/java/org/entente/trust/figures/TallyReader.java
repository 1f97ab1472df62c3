package org.entente.trust.figures;

import java.util.function.BiConsumer;

/** Reads tallies by the start of their key ({@link TallyKey#text()}), for the figures. */
public interface TallyReader {

    void forEachWithPrefix(String prefix, BiConsumer<TallyKey, Tally> action);
}
