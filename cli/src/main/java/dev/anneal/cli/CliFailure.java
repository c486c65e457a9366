package dev.anneal.cli;

/**
 * Ends a command with a message for the user and one of the {@link ExitCodes}. Thrown from
 * anywhere below a command; {@link AnnealCli} prints the message (no stack trace: these are
 * expected outcomes, not bugs) and exits with the code.
 */
public class CliFailure extends RuntimeException {

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliFailure usage(String message) {
        return new CliFailure(ExitCodes.USAGE, message);
    }
}
