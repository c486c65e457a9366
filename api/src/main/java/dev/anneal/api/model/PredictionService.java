package dev.anneal.api.model;

import dev.anneal.db.job.JobEntity;
import dev.anneal.db.trial.TrialModels;
import dev.anneal.db.trial.TrialModels.BestTrial;
import dev.anneal.worker.prepare.LanguageModelPreparer;
import dev.anneal.worker.prepare.TranslationPreparer;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Predicts with a job's best model. Reads only: nothing a prediction does is written to the
 * database. The best trial is looked up on every request (cheaply, without the model), so a
 * running job's predictions follow its best trial as better ones complete.
 */
@Service
class PredictionService {

    /** The best model can be deleted between looking it up and loading it; looking again finds the new best. */
    private static final int ATTEMPTS = 2;

    private final BestModels best;
    private final LoadedModels loaded;

    PredictionService(BestModels best, LoadedModels loaded) {
        this.best = best;
        this.loaded = loaded;
    }

    PredictionResponse predict(long jobId, JsonNode body) {
        JobEntity job = best.job(jobId);
        for (int attempt = 1; ; attempt++) {
            BestTrial trial = best.bestTrial(job);
            if (TrialModels.GAN_GENERATOR.equals(trial.format())) {
                throw ModelProblems.notASupervisedJob(jobId);
            }
            var model = loaded.get(job, trial);
            if (model.isPresent()
                    && LanguageModelPreparer.LAYOUT.equals(
                            model.get().preprocessing().layout())) {
                throw ModelProblems.aLanguageModel(jobId);
            }
            if (model.isPresent()
                    && SeriesPredictions.LAYOUT.equals(
                            model.get().preprocessing().layout())) {
                return new PredictionResponse(
                        jobId, trial.trialId(), trial.trialNumber(), SeriesPredictions.forecast(body, model.get()));
            }
            if (model.isPresent()
                    && TranslationPreparer.LAYOUT.equals(
                            model.get().preprocessing().layout())) {
                float[][] rows = PredictionRows.encode(body, model.get());
                return new PredictionResponse(
                        jobId,
                        trial.trialId(),
                        trial.trialNumber(),
                        model.get().network().translate(rows).stream()
                                .<Prediction>map(Prediction.Sequence::new)
                                .toList());
            }
            if (model.isPresent()) {
                float[][] rows = PredictionRows.encode(body, model.get());
                float[][] outputs = model.get().network().output(rows);
                return new PredictionResponse(
                        jobId,
                        trial.trialId(),
                        trial.trialNumber(),
                        Prediction.decode(outputs, model.get().preprocessing().target()));
            }
            if (attempt == ATTEMPTS) {
                throw ModelProblems.notAvailable(job);
            }
        }
    }
}
