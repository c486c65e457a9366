package dev.anneal.bench.training;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs of a command line. */
final class Options {

    private Options() {}

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
