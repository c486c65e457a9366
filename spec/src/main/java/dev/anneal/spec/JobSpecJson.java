package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only place a {@link JobSpec} becomes JSON and back: fields that are {@code null} (a DL4J
 * field of an external job, an unused pruner setting) are left out, and fields a later version
 * added to stored specs are ignored by an older reader.
 */
public final class JobSpecJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JobSpecJson() {}

    public static String write(JobSpec spec) {
        return MAPPER.writeValueAsString(spec);
    }

    public static JsonNode tree(JobSpec spec) {
        return MAPPER.valueToTree(spec);
    }

    public static JobSpec read(String json) {
        return MAPPER.readValue(json, JobSpec.class);
    }

    public static JobSpec read(JsonNode json) {
        return MAPPER.treeToValue(json, JobSpec.class);
    }
}
