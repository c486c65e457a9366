package dev.anneal.db.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the project's shared real datasets ({@code ../shared/datasets} beside the checkout) for
 * tests and benchmarks: {@code ANNEAL_DATASETS_DIR} if set, else the nearest ancestor of the
 * working directory that has {@code shared/datasets}. Tests fail, rather than skip, when the
 * datasets are missing: a test that silently skips proves nothing.
 */
public final class SharedDatasets {

    private SharedDatasets() {}

    public static Path path(String file) {
        Path dir = directory();
        Path p = dir.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("dataset " + file + " is not in " + dir);
        }
        return p;
    }

    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(path(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Path directory() {
        List<Path> tried = new ArrayList<>();
        String env = System.getenv("ANNEAL_DATASETS_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            tried.add(candidate);
            if (Files.isRegularFile(candidate.resolve("iris.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared datasets not found; set ANNEAL_DATASETS_DIR (tried " + tried + ")");
    }
}
