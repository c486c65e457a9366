package dev.anneal.cli;

/**
 * The exit codes every command answers with, documented in the README for CI pipelines: a build
 * step can tell "the model got worse" (1) from "the job broke" (2), "it took too long" (3), "the
 * pipeline is misconfigured" (4) and "the server is down or refused us" (5).
 */
public final class ExitCodes {

    /** The command did what was asked; for a gated submit, every gate passed. */
    public static final int OK = 0;
    /** The job completed but at least one gate failed. */
    public static final int GATE_FAILED = 1;
    /** The job ended FAILED or CANCELLED. */
    public static final int JOB_FAILED = 2;
    /** {@code --timeout} elapsed before the job finished. */
    public static final int TIMEOUT = 3;
    /** Invalid spec or usage: bad flags, an unreadable spec file, or a 4xx answer from the server. */
    public static final int USAGE = 4;
    /** The server could not be reached, failed (5xx), or refused our credentials (401/403). */
    public static final int UNAVAILABLE = 5;
    /** A bug in the CLI itself; a stack trace is printed. */
    public static final int SOFTWARE = 70;

    private ExitCodes() {}
}
