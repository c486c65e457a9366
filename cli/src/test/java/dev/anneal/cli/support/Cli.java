package dev.anneal.cli.support;

import dev.anneal.cli.AnnealCli;
import dev.anneal.cli.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process the way {@code main} does, short of {@code System.exit}: with its own
 * environment and home directory (so nothing of the machine's leaks in) and captured output.
 */
public final class Cli {

    private final Map<String, String> environment = new HashMap<>();
    private final Path home;
    private boolean terminal;

    public Cli(Path home) {
        this.home = home;
    }

    /** A CLI whose environment points {@code ANNEAL_URL} at the test server, with its admin token. */
    public static Cli against(String url, Path home) {
        return new Cli(home).env("ANNEAL_URL", url).env("ANNEAL_TOKEN", AnnealServer.ADMIN_TOKEN);
    }

    public Cli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public Cli terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(
                Map.copyOf(environment),
                home,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                terminal,
                Duration.ofMillis(200));
        int code = AnnealCli.run(context, args);
        return new Run(code, out.toString(), err.toString());
    }

    /** What one invocation printed and exited with. */
    public record Run(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
