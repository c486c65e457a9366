package dev.anneal.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a {@link CliFailure} as one message on stderr and exits with its code. Anything else is
 * a bug in the CLI: its stack trace is printed and the exit code is {@link ExitCodes#SOFTWARE},
 * which no pipeline mistakes for a failed gate.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    private final CliContext context;

    FailureHandler(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        if (e instanceof CliFailure failure) {
            context.err().println("anneal: " + failure.getMessage());
            context.err().flush();
            return failure.exitCode();
        }
        context.err().println("anneal: unexpected error (a bug in the CLI):");
        e.printStackTrace(context.err());
        context.err().flush();
        return ExitCodes.SOFTWARE;
    }
}
