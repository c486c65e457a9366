package dev.anneal.cli.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags every command that talks to a server accepts (a picocli mixin). */
public final class ServerOptions {

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Server URL (else ANNEAL_URL, else the config file, else http://localhost:8080)")
    String url;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "API token sent as a bearer token (else ANNEAL_TOKEN, else the config file)")
    String token;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Config file with url: and token: (default ~/.config/anneal/config.yaml)")
    Path config;

    public ServerOptions() {}

    ServerOptions(String url, String token, Path config) {
        this.url = url;
        this.token = token;
        this.config = config;
    }
}
