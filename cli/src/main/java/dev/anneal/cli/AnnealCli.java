package dev.anneal.cli;

import dev.anneal.cli.datasets.DatasetsCommand;
import dev.anneal.cli.jobs.BestModelCommand;
import dev.anneal.cli.jobs.CancelCommand;
import dev.anneal.cli.jobs.LeaderboardCommand;
import dev.anneal.cli.jobs.StatusCommand;
import dev.anneal.cli.jobs.TrialsCommand;
import dev.anneal.cli.submit.SubmitCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code anneal} command. {@link #run(CliContext, String...)} is the whole program short of
 * {@code System.exit}, so tests call it in-process with their own environment and writers.
 */
@Command(
        name = "anneal",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersion.class,
        description = "Submit, follow and gate Anneal tuning jobs from a shell or a CI pipeline.",
        subcommands = {
            SubmitCommand.class,
            StatusCommand.class,
            LeaderboardCommand.class,
            TrialsCommand.class,
            CancelCommand.class,
            DatasetsCommand.class,
            BestModelCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            " 1:a gate failed",
            " 2:the job failed or was cancelled",
            " 3:--timeout elapsed while waiting",
            " 4:invalid spec or usage (the server's problem detail is printed)",
            " 5:server unreachable, failing (5xx), or authentication failed (401/403)"
        })
public final class AnnealCli implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    public static int run(CliContext context, String... args) {
        CommandLine cli = new CommandLine(new AnnealCli(), new ContextFactory(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler(new FailureHandler(context));
        cli.setExitCodeExceptionMapper(e -> e instanceof ParameterException ? ExitCodes.USAGE : ExitCodes.SOFTWARE);
        int code = cli.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }
}
