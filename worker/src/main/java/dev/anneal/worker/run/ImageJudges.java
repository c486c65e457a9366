package dev.anneal.worker.run;

import dev.anneal.spec.JobSpec;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.train.gan.ImageClassifier;
import dev.anneal.worker.train.gan.ImageQuality;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The quality classifier of each image GAN's prepared data, trained once and shared by every
 * trial of the job that reads the same {@link PreparedData} (the {@link TrainingDataCache} hands
 * them the same instance), so every trial is judged by the same classifier and only the first
 * pays for training it (2 to 4 minutes for 8,000 MNIST images on one thread of a shared 2-core
 * machine). Entries go
 * when their data does.
 */
final class ImageJudges {

    private static final Map<PreparedData, ImageQuality> JUDGES = Collections.synchronizedMap(new WeakHashMap<>());

    private ImageJudges() {}

    /**
     * The judge of {@code data}'s images, trained with the job's seed on its training split; {@code
     * null} unless the job is an image GAN with a label column.
     */
    static ImageQuality forData(PreparedData data, JobSpec spec) {
        if (spec.model().input() == null || data.trainY() == null) {
            return null;
        }
        // trials of one job wait here for the first one's classifier rather than each training its own
        synchronized (data) {
            return JUDGES.computeIfAbsent(
                    data,
                    d -> new ImageQuality(
                            ImageClassifier.train(
                                    d.trainX(),
                                    d.trainY(),
                                    spec.model().input(),
                                    spec.algorithm().seed()),
                            d.validationX()));
        }
    }
}
