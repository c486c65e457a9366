package dev.anneal.spec;

/** Who evaluates a job's trials: Anneal's DL4J workers, or an external client through ask/tell. */
public enum Execution implements Spelled {
    DL4J,
    EXTERNAL;
}
