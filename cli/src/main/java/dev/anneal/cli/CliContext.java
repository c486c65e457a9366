package dev.anneal.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a command needs from the world outside its arguments: the environment, the home
 * directory (for the config file), where to print, and whether output goes to a terminal. Tests
 * build one with their own environment and captured writers instead of touching the process's.
 *
 * @param terminal whether stdout is an interactive terminal: progress is redrawn in place there,
 *     and printed as plain lines otherwise (CI logs)
 * @param pollInterval how often {@code --wait} asks the server for the job
 */
public record CliContext(
        Map<String, String> environment,
        Path home,
        PrintWriter out,
        PrintWriter err,
        boolean terminal,
        Duration pollInterval) {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    /** The real process: its environment, {@code user.home}, stdout/stderr and console. */
    public static CliContext system() {
        return new CliContext(
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.console() != null,
                DEFAULT_POLL_INTERVAL);
    }

    public String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
