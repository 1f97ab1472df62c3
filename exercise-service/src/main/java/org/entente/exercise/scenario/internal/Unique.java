package org.entente.exercise.scenario.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Flags a key whose value repeats one given earlier in the same list. */
final class Unique {

    private Unique() {
    }

    static void check(List<Element> items, String key, Findings findings) {
        Map<String, KeyPath> first = new HashMap<>();
        for (Element item : items) {
            Element value = item.get(key);
            value.text().ifPresent(text -> {
                KeyPath earlier = first.putIfAbsent(text, value.path());
                if (earlier != null) {
                    findings.at(value.path(), text + " is already used at " + earlier);
                }
            });
        }
    }
}
