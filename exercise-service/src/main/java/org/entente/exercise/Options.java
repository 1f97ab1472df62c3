package org.entente.exercise;

import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A command's {@code --name value} options, each known and given at most once. */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(Deque<String> arguments, String... known) {
        Map<String, String> options = new HashMap<>();
        while (!arguments.isEmpty()) {
            String name = arguments.pop();
            if (!List.of(known).contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'");
            }
            if (arguments.isEmpty()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (options.put(name, arguments.pop()) != null) {
                throw new IllegalArgumentException(name + " given twice");
            }
        }
        return options;
    }
}
