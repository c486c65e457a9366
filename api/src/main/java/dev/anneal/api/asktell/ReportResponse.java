package dev.anneal.api.asktell;

/**
 * What a client learns when it reports an intermediate value.
 *
 * @param prune whether to stop evaluating the trial (and tell it); always false until pruners
 *     exist
 */
record ReportResponse(boolean prune) {

    static final ReportResponse CONTINUE = new ReportResponse(false);
}
