package dev.anneal.api.trial;

import dev.anneal.api.access.ProjectScope;
import dev.anneal.api.access.ScopedJob;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.trial.EpochMetrics;
import dev.anneal.db.trial.Leaderboard;
import dev.anneal.db.trial.LeaderboardRow;
import dev.anneal.db.trial.TrialEntity;
import dev.anneal.db.trial.TrialMetricReader;
import dev.anneal.db.trial.TrialRepository;
import dev.anneal.db.trial.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads trials, learning curves and leaderboards of a job. */
@Service
@Transactional(readOnly = true)
public class TrialQueryService {

    private final TrialRepository trials;
    private final TrialMetricReader metrics;
    private final Leaderboard leaderboard;
    private final JsonMapper json;
    private final ProjectScope scope;

    TrialQueryService(
            TrialRepository trials,
            TrialMetricReader metrics,
            Leaderboard leaderboard,
            JsonMapper json,
            ProjectScope scope) {
        this.scope = scope;
        this.trials = trials;
        this.metrics = metrics;
        this.leaderboard = leaderboard;
        this.json = json;
    }

    /** A page of a job's trials; with {@code after}, only those numbered above it (incremental polling). */
    Page<TrialResponse> list(long jobId, Optional<TrialState> state, int after, PageRequest page) {
        scope.job(jobId);
        Page<TrialEntity> found = state.map(s -> trials.findByJobIdAndStateAndNumberGreaterThan(jobId, s, after, page))
                .orElseGet(() -> trials.findByJobIdAndNumberGreaterThan(jobId, after, page));
        return found.map(t -> TrialResponse.summary(t, json.readTree(t.getParams())));
    }

    /**
     * Summaries of a job's trials numbered above {@code after} and of the trials numbered in
     * {@code watched}, by number: what changed since a poller last looked, when it watches the
     * trials it last saw unfinished. Reads without a caller: the job was checked when the
     * poller was given it.
     */
    public List<TrialResponse> newOrWatched(ScopedJob job, int after, Collection<Integer> watched) {
        long jobId = job.jobId();
        List<TrialEntity> found = new ArrayList<>(
                trials.findByJobIdAndNumberGreaterThan(jobId, after, Pageable.unpaged(Sort.by("number")))
                        .getContent());
        if (!watched.isEmpty()) {
            found.addAll(trials.findByJobIdAndNumberIn(jobId, watched));
        }
        return found.stream()
                .sorted(Comparator.comparingInt(TrialEntity::getNumber))
                .map(t -> TrialResponse.summary(t, json.readTree(t.getParams())))
                .toList();
    }

    TrialResponse get(long jobId, int number) {
        JobEntity job = scope.load(jobId);
        TrialEntity trial =
                trials.findByJobIdAndNumber(jobId, number).orElseThrow(() -> TrialNotFound.of(jobId, number));
        // an external job's curve holds the steps its client reported; a DL4J job's, epochs
        String position = job.isExternal() ? "step" : "epoch";
        List<JsonNode> curve = metrics.curve(trial.getId()).stream()
                .map(m -> pointJson(position, m))
                .toList();
        JsonNode preprocessing = trial.getPreprocessing() == null ? null : json.readTree(trial.getPreprocessing());
        JsonNode folds = trial.getFoldValues() == null ? null : json.readTree(trial.getFoldValues());
        return TrialResponse.of(trial, json.readTree(trial.getParams()), curve, preprocessing, folds);
    }

    List<LeaderboardEntry> leaderboard(long jobId, int limit) {
        scope.job(jobId);
        return leaderboard.top(jobId, limit).stream()
                .map(row -> LeaderboardEntry.of(
                        row,
                        json.readTree(row.paramsJson()),
                        row.costJson() == null ? null : json.readTree(row.costJson())))
                .toList();
    }

    /**
     * The job's Pareto front (feasible, non-dominated completed trials), up to {@code limit}; for a
     * job with one objective and no constraints, its best trial.
     */
    List<LeaderboardEntry> pareto(long jobId, int limit) {
        scope.job(jobId);
        List<LeaderboardRow> rows = leaderboard.front(jobId, limit);
        if (rows.isEmpty()) {
            rows = leaderboard.best(jobId).stream()
                    .filter(r -> r.paretoRank() == null)
                    .toList();
        }
        return rows.stream()
                .map(row -> LeaderboardEntry.of(
                        row,
                        json.readTree(row.paramsJson()),
                        row.costJson() == null ? null : json.readTree(row.costJson())))
                .toList();
    }

    private JsonNode pointJson(String position, EpochMetrics m) {
        ObjectNode node = json.createObjectNode();
        node.put(position, m.epoch());
        node.setAll((ObjectNode) json.readTree(m.metricsJson()));
        if (m.pruning() != null) {
            node.put("pruning", m.pruning());
        }
        node.put("recordedAt", m.recordedAt().toString());
        return node;
    }
}
