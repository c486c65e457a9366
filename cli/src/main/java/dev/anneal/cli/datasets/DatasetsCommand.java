package dev.anneal.cli.datasets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "datasets",
        description = "Upload and list datasets.",
        subcommands = {UploadCommand.class, ListCommand.class})
public final class DatasetsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "datasets needs a command: upload or list");
    }
}
