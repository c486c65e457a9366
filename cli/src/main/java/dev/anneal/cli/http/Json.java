package dev.anneal.cli.http;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The CLI's two mappers: JSON for the API and reports, YAML for specs and the config file. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    public static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Json() {}
}
