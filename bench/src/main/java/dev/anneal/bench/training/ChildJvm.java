package dev.anneal.bench.training;

import dev.anneal.bench.JvmCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link ChildRun} in a fresh JVM: ND4J's OpenMP pool and the OMP_* environment are fixed
 * per process, so each thread count and environment needs its own.
 */
final class ChildJvm {

    private ChildJvm() {}

    /** @return median samples/s (wall, CPU) per variant name; INFO lines go to {@code info} */
    static Map<String, ChildRun.Rate> run(Map<String, String> env, List<String> info, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(args));
        command.add(0, "training-child");
        ProcessBuilder builder = new ProcessBuilder(
                        JvmCommand.self(java, System.getProperty("java.class.path"), command.toArray(String[]::new)))
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        Map<String, ChildRun.Rate> results = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                output.add(line);
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ");
                    results.put(
                            parts[1], new ChildRun.Rate(Double.parseDouble(parts[2]), Double.parseDouble(parts[3])));
                } else if (line.startsWith("INFO ")) {
                    info.add(line.substring(5));
                }
            }
        }
        if (p.waitFor() != 0 || results.isEmpty()) {
            output.forEach(System.err::println);
            throw new IllegalStateException("benchmark JVM " + String.join(" ", args) + " failed");
        }
        return results;
    }
}
