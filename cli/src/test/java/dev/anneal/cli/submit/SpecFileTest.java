package dev.anneal.cli.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.cli.CliFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class SpecFileTest {

    @TempDir
    Path dir;

    @Test
    void yamlAndJsonReadToTheSameSpec() throws Exception {
        Path yaml =
                Files.writeString(dir.resolve("job.yml"), "dataset: iris\nsearchSpace:\n  epochs: 5\nmaxTrials: 2\n");
        Path json = Files.writeString(
                dir.resolve("job.json"), "{\"dataset\":\"iris\",\"searchSpace\":{\"epochs\":5},\"maxTrials\":2}");

        assertThat(SpecFile.read(yaml)).isEqualTo(SpecFile.read(json));
    }

    @Test
    void tagFlagsMergeIntoTheSpecsTagsAndWinOnAClash() throws Exception {
        ObjectNode spec = SpecFile.read(
                Files.writeString(dir.resolve("job.yaml"), "dataset: iris\ntags:\n  branch: feature\n  team: ml\n"));
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("branch", "main");
        flags.put("commit", "abc123");

        SpecFile.addTags(spec, flags);

        assertThat(spec.path("tags").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("branch", "team", "commit");
        assertThat(spec.path("tags").path("branch").asString()).isEqualTo("main");
        assertThat(spec.path("tags").path("commit").asString()).isEqualTo("abc123");
    }

    @Test
    void withoutTagsTheSpecGetsNoTagsField() throws Exception {
        ObjectNode spec = SpecFile.read(Files.writeString(dir.resolve("job.json"), "{\"dataset\":\"iris\"}"));

        SpecFile.addTags(spec, Map.of());

        assertThat(spec.has("tags")).isFalse();
    }

    @Test
    void aSpecThatIsNotAnObjectIsAUsageError() throws Exception {
        Path list = Files.writeString(dir.resolve("job.yaml"), "- dataset: iris\n");

        assertThatThrownBy(() -> SpecFile.read(list))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("must hold one object");
    }
}
