package dev.anneal.api.model;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.trial.TrialModels;
import dev.anneal.db.trial.TrialModels.BestTrial;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.JobSpecJson;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.predict.TrainedNetwork;
import dev.anneal.worker.prepare.FeatureEncoder;
import dev.anneal.worker.prepare.PreprocessingRecord;
import dev.anneal.worker.prepare.TranslationPreparer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Networks loaded for predictions, by trial id. Restoring a network reads its zip from the
 * database and rebuilds it, far slower than a prediction, so each trial's is loaded once and
 * kept while in use. A stored model never changes once its trial completed, so entries never
 * go stale; the bound keeps memory in check when many jobs are queried.
 */
@Component
class LoadedModels {

    static final int MAX_MODELS = 16;

    private final Cache<Long, LoadedModel> cache =
            Caffeine.newBuilder().maximumSize(MAX_MODELS).build();
    private final TrialModels models;
    private final JsonMapper json;

    LoadedModels(TrialModels models, JsonMapper json) {
        this.models = models;
        this.json = json;
    }

    /**
     * The best trial's network; empty if its model was deleted meanwhile (the job finished and
     * kept a better trial's). Caffeine runs one load per key at a time, so concurrent first
     * requests restore the network once.
     */
    Optional<LoadedModel> get(JobEntity job, BestTrial best) {
        return Optional.ofNullable(cache.get(best.trialId(), id -> load(job, best)));
    }

    private TrialParams params(BestTrial best) {
        return new TrialParams(json.readValue(best.params(), new TypeReference<Map<String, Object>>() {}));
    }

    private LoadedModel load(JobEntity job, BestTrial best) {
        PreprocessingRecord record = json.readValue(best.preprocessing(), PreprocessingRecord.class);
        JobSpec spec = JobSpecJson.read(job.getSpec());
        return models.model(best.trialId())
                .map(zip -> new LoadedModel(
                        TrainedNetwork.restore(zip, record, spec, params(best)),
                        record,
                        // a series model encodes whole windows (SeriesPredictions), not single rows
                        SeriesPredictions.LAYOUT.equals(record.layout())
                                ? List.of()
                                // a translation reads its source only; the second transform is its target's
                                : record.features().stream()
                                        .limit(TranslationPreparer.LAYOUT.equals(record.layout()) ? 1 : Long.MAX_VALUE)
                                        .map(FeatureEncoder::of)
                                        .toList()))
                .orElse(null);
    }
}
