package org.entente.schemas;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.entente.events.Tlp;

/**
 * The words people read and write for event enums, in APIs and files: TLP 2.0 labels as FIRST
 * writes them ({@code AMBER+STRICT}), everything else in lower kebab case ({@code drinking-water},
 * {@code malicious-code}, {@code personal-data}).
 */
public final class Labels {

    private Labels() {
    }

    public static String of(Enum<?> value) {
        if (value instanceof Tlp tlp) {
            return tlp == Tlp.AMBER_STRICT ? "AMBER+STRICT" : tlp.name();
        }
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String label) {
        if (label == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(value -> of(value).equals(label)).findFirst();
    }

    /** For error messages: "one of energy, transport, …". */
    public static String allOf(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labels::of).collect(Collectors.joining(", "));
    }
}
