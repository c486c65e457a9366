package dev.anneal.cli;

import java.io.Console;
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
                interactive(),
                DEFAULT_POLL_INTERVAL);
    }

    /**
     * Up to JDK 21 {@code System.console()} is null unless stdin and stdout are a terminal; from
     * JDK 22 it may exist with output redirected, and {@code Console.isTerminal()} tells.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
