package dev.anneal.cli.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Job spec files for the tests: tiny jobs on the built-in iris dataset (2-core CI). */
public final class Specs {

    /** Three trials of 3..6 epochs: a few seconds. */
    public static final String IRIS_TINY = """
            { "name": "iris-tiny", "dataset": "iris", "target": "label",
              "searchSpace": { "learningRate": { "type": "float", "min": 0.005, "max": 0.05, "log": true },
                               "epochs": { "type": "int", "min": 3, "max": 6 },
                               "units": 16, "hiddenLayers": 1 },
              "algorithm": { "type": "random", "seed": 7 },
              "objective": { "metric": "val_accuracy", "direction": "maximize" },
              "maxTrials": 3, "parallelism": 2 }
            """;

    /** Long enough to be waited on, timed out or cancelled; tests cancel it. */
    /**
     * A job that outlasts the tests' timeouts: batch normalization keeps it on DL4J's own fit
     * (the dense path trains this MLP's 15,000 steps in about a second).
     */
    public static final String IRIS_LONG = """
            { "name": "iris-long", "dataset": "iris", "target": "label",
              "searchSpace": { "epochs": 1000, "batchSize": 4, "units": 64, "batchNorm": true },
              "maxTrials": 2, "parallelism": 1 }
            """;

    private Specs() {}

    public static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
