package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who evaluates a job's trials: Anneal's DL4J workers, or an external client through ask/tell. */
public enum Execution {
    DL4J,
    EXTERNAL;

    /** The spec's spelling: {@code dl4j}, {@code external}. */
    @JsonValue
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
