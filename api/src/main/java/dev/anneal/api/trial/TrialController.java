package dev.anneal.api.trial;

import dev.anneal.api.web.PageResponse;
import dev.anneal.api.web.Paging;
import dev.anneal.db.trial.TrialState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs/{jobId}")
@Tag(name = "Trials", description = "A job's trials, learning curves and leaderboard")
class TrialController {

    static final int MAX_LEADERBOARD = 1000;

    private final TrialQueryService trials;

    TrialController(TrialQueryService trials) {
        this.trials = trials;
    }

    @GetMapping("/trials")
    @Operation(
            summary = "A job's trials by number, optionally by state",
            description = "With after=N only trials numbered above N: poll with the highest number seen so far.")
    PageResponse<TrialResponse> list(
            @PathVariable long jobId,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "-1") int after,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var request = Paging.of(page, size, Sort.by("number"));
        int above = Paging.bounded("after", after, -1, Integer.MAX_VALUE - 1);
        return PageResponse.of(
                trials.list(jobId, Paging.enumParam("state", state, TrialState.class), above, request), t -> t);
    }

    static final int MAX_PARETO = 10_000;

    @GetMapping("/trials/{number}")
    @Operation(summary = "One trial with its per-epoch metrics and preprocessing record")
    TrialResponse get(@PathVariable long jobId, @PathVariable int number) {
        return trials.get(jobId, number);
    }

    @GetMapping("/leaderboard")
    @Operation(
            summary = "Completed trials ranked by the objective",
            description =
                    "Best first for the job's direction; ties go to the trial that finished first. Ranked by PostgreSQL.")
    List<LeaderboardEntry> leaderboard(@PathVariable long jobId, @RequestParam(defaultValue = "10") int limit) {
        return trials.leaderboard(jobId, Paging.bounded("limit", limit, 1, MAX_LEADERBOARD));
    }

    @GetMapping("/pareto")
    @Operation(
            summary = "The Pareto front: feasible completed trials no other feasible trial beats on every objective",
            description = "For jobs with several objectives (or constraints): the trials of Pareto rank 0, extremes"
                    + " first, then by crowding distance (lonelier first), as the leaderboard orders them; stored at"
                    + " each completion, so this is an index range scan. For a job with one objective and no"
                    + " constraints, its best trial.")
    List<LeaderboardEntry> pareto(@PathVariable long jobId, @RequestParam(defaultValue = "1000") int limit) {
        return trials.pareto(jobId, Paging.bounded("limit", limit, 1, MAX_PARETO));
    }
}
