package dev.anneal.worker.train.augment;

/**
 * Changes a training mini-batch in place before the network sees it. Validation data is never
 * augmented, so scores stay comparable between trials with different strengths.
 */
public interface BatchAugmenter {

    BatchAugmenter NONE = (x, y) -> {};

    /**
     * @param x feature rows (already scaled), changed in place
     * @param y label rows, changed in place (mixup blends them)
     */
    void augment(float[][] x, float[][] y);
}
