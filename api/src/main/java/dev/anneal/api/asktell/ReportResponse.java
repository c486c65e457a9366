package dev.anneal.api.asktell;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a client learns when it reports an intermediate value.
 *
 * @param prune whether the job's pruner stopped the trial: it is PRUNED already, with this
 *     value; the client should stop evaluating it and not tell it (a tell would get a 409)
 * @param reason the pruner's judgement at this step, when it made one (kept or stopped)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReportResponse(boolean prune, String reason) {

    static final ReportResponse CONTINUE = new ReportResponse(false, null);
}
