package dev.anneal.cli.submit;

import dev.anneal.cli.CliFailure;
import dev.anneal.cli.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job spec read from a file: YAML for {@code .yaml}/{@code .yml}, JSON otherwise. Both become
 * the same JSON object, which the server validates; the CLI checks only that it is an object.
 */
final class SpecFile {

    private SpecFile() {}

    static ObjectNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw CliFailure.usage("spec file " + file + " does not exist");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        JsonNode spec;
        try {
            spec = (yaml ? Json.YAML : Json.MAPPER).readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw CliFailure.usage("cannot read spec file " + file + " as " + (yaml ? "YAML" : "JSON") + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (spec == null || !spec.isObject()) {
            throw CliFailure.usage("spec file " + file + " must hold one object (the job spec)");
        }
        return (ObjectNode) spec;
    }

    /**
     * Merges {@code --tag} values into the spec's {@code tags} (the flag wins on a clash). Without
     * tags the spec is left untouched: a server without job tags rejects the field.
     */
    static void addTags(ObjectNode spec, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        JsonNode existing = spec.path("tags");
        if (!existing.isMissingNode() && !existing.isObject()) {
            throw CliFailure.usage("the spec's tags must be an object of strings to merge --tag into");
        }
        ObjectNode merged = existing.isObject() ? (ObjectNode) existing : spec.putObject("tags");
        tags.forEach(merged::put);
    }
}
