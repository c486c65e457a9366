package dev.anneal.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by the build), or {@code dev} when run from classes. */
final class CliVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AnnealCli.class.getPackage().getImplementationVersion();
        return new String[] {"anneal " + (version == null ? "dev" : version)};
    }
}
