package dev.anneal.tuner.sampler;

import dev.anneal.tuner.study.StudyView;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Proposes parameter values for new trials: the search algorithm.
 *
 * <p>The scheduler calls {@link #sample} each time a job has room for one more trial. When it
 * fills several slots in one pass, it calls again with the previous proposal appended to the
 * study as a pending trial, so a sampler can spread parallel trials apart.
 *
 * <p>Implementations keep no state between calls: everything comes from {@code study} (the
 * history lives in the database) and {@code rng}, which the scheduler seeds from the job's seed
 * and the trial number. So any scheduler replica can call a sampler, a restart loses nothing,
 * and the same job spec and seed give the same parameters.
 */
public interface Sampler {

    /**
     * Parameters for trial {@code number}: one value for every parameter of the study's space,
     * each contained in its distribution.
     *
     * @return empty when the sampler has nothing left to propose (a fully enumerated grid)
     */
    Optional<Map<String, Object>> sample(StudyView study, int number, RandomGenerator rng);

    /**
     * Whether {@link #sample} looks at past trials. When false, the scheduler may pass a study
     * without trials and skip loading a job's history, which grows with every trial.
     */
    default boolean usesHistory() {
        return true;
    }
}
