package org.entente.trust.figures;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** Tallies in a sorted map, stored as the Kafka Streams store holds them: their bytes under their key's text. */
final class InMemoryTallies implements Tallies, TallyReader {

    private final SortedMap<String, byte[]> stored = new TreeMap<>();

    @Override
    public Tally get(TallyKey key) {
        byte[] bytes = stored.get(key.text());
        return bytes == null ? null : Tally.fromBytes(bytes);
    }

    @Override
    public void put(TallyKey key, Tally tally) {
        stored.put(key.text(), tally.toBytes());
    }

    @Override
    public void delete(TallyKey key) {
        stored.remove(key.text());
    }

    @Override
    public void forEachWithPrefix(String prefix, BiConsumer<TallyKey, Tally> action) {
        stored.tailMap(prefix).entrySet().stream()
                .takeWhile(entry -> entry.getKey().startsWith(prefix))
                .forEach(entry -> action.accept(TallyKey.parse(entry.getKey()), Tally.fromBytes(entry.getValue())));
    }

    /** The bytes of every stored tally, keys left out. */
    long storedBytes() {
        return stored.values().stream().mapToLong(bytes -> bytes.length).sum();
    }

    /** Every key's text with its figures, in key order. */
    SortedMap<String, Figures> figures() {
        SortedMap<String, Figures> figures = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : stored.entrySet()) {
            figures.put(entry.getKey(), Tally.fromBytes(entry.getValue()).figures());
        }
        return figures;
    }
}
