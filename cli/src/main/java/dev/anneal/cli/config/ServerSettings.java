package dev.anneal.cli.config;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.CliFailure;
import dev.anneal.cli.http.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The server to talk to and the token to send. Each value comes from the first place that sets
 * it: a flag, then the environment ({@code ANNEAL_URL}, {@code ANNEAL_TOKEN}), then the config
 * file ({@code --config}, else {@code ~/.config/anneal/config.yaml} when it exists). The URL
 * defaults to {@code http://localhost:8080}; without a token no {@code Authorization} header is
 * sent (a server with security off accepts that).
 */
public record ServerSettings(URI url, String token) {

    public static final String DEFAULT_URL = "http://localhost:8080";

    public static ServerSettings resolve(ServerOptions flags, CliContext context) {
        JsonNode file = configFile(flags.config, context);
        String url = first(flags.url, context.env("ANNEAL_URL"), text(file, "url"), DEFAULT_URL);
        String token = first(flags.token, context.env("ANNEAL_TOKEN"), text(file, "token"), null);
        return new ServerSettings(parseUrl(url), token);
    }

    static Path defaultConfigFile(CliContext context) {
        return context.home().resolve(".config").resolve("anneal").resolve("config.yaml");
    }

    private static JsonNode configFile(Path explicit, CliContext context) {
        Path path = explicit != null ? explicit : defaultConfigFile(context);
        if (!Files.isRegularFile(path)) {
            if (explicit != null) {
                throw CliFailure.usage("config file " + explicit + " does not exist");
            }
            return Json.MAPPER.missingNode();
        }
        try {
            JsonNode node = Json.YAML.readTree(Files.readString(path));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return Json.MAPPER.missingNode();
            }
            if (!node.isObject()) {
                throw CliFailure.usage("config file " + path + " must be a mapping with url: and token:");
            }
            return node;
        } catch (IOException | JacksonException e) {
            throw CliFailure.usage("cannot read config file " + path + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode file, String field) {
        JsonNode value = file.path(field);
        return value.isValueNode() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw CliFailure.usage("server URL must be http:// or https:// with a host, but was " + url);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("server URL is not a URL: " + url);
        }
    }

    /** The token never appears in output; this says only whether one is set. */
    @Override
    public String toString() {
        return "ServerSettings[url=" + url + ", token=" + (token == null ? "none" : "set") + "]";
    }
}
