package dev.anneal.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a peer-numbers file of {@code ../shared/bench/}, from the working directory upwards. */
public final class SharedBenchFiles {

    private SharedBenchFiles() {}

    /** @return the file named by {@code environmentVariable} if set, else the nearest shared/bench/{@code name}, or null */
    public static Path locate(String name, String environmentVariable) {
        String env = System.getenv(environmentVariable);
        if (env != null) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("bench").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
