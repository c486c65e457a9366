package dev.anneal.worker.train;

import static dev.anneal.spec.catalog.Hyperparameters.AUGMENTATION;
import static dev.anneal.spec.catalog.Hyperparameters.MIXUP;

import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.prepare.FeatureEncoder;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.PreprocessingRecord.FeatureTransform;
import dev.anneal.worker.prepare.TextEncoder;
import dev.anneal.worker.train.augment.BatchAugmenter;
import dev.anneal.worker.train.augment.ImageAugmenter;
import dev.anneal.worker.train.augment.TabularAugmenter;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One fold's network of a supervised family with the input shape and the augmentation of its
 * training batches: what a trial's model type and parameters mean for DL4J.
 */
record SupervisedModel(MultiLayerNetwork network, InputShape shape, BatchAugmenter augmenter) {

    static SupervisedModel build(JobSpec spec, PreparedData data, TrialParams p, long seed, int iterationsPerEpoch) {
        boolean classification = data.isClassification();
        int outputs = classification ? data.classCount() : 1;
        var model = spec.model();
        return switch (model.type()) {
            case CNN ->
                new SupervisedModel(
                        CnnNetworkFactory.build(model.input(), outputs, classification, p, seed, iterationsPerEpoch),
                        InputShape.FLAT,
                        p.getDouble(AUGMENTATION) > 0
                                ? new ImageAugmenter(
                                        model.input(),
                                        p.getDouble(AUGMENTATION),
                                        spec.preprocessing().flips(),
                                        seed)
                                : BatchAugmenter.NONE);
            case LSTM -> {
                if (model.text() != null) {
                    var text = (TextEncoder)
                            FeatureEncoder.of(data.record().features().get(0));
                    yield new SupervisedModel(
                            LstmNetworkFactory.buildText(
                                    text.vocabulary().size(), outputs, classification, p, seed, iterationsPerEpoch),
                            InputShape.of(spec, data.record()),
                            BatchAugmenter.NONE);
                }
                var shape = (InputShape.Recurrent) InputShape.of(spec, data.record());
                yield new SupervisedModel(
                        LstmNetworkFactory.build(
                                shape.features(), outputs, classification, p, seed, iterationsPerEpoch),
                        shape,
                        BatchAugmenter.NONE);
            }
            case MLP ->
                new SupervisedModel(
                        MlpNetworkFactory.build(
                                data.inputWidth(), outputs, classification, p, seed, iterationsPerEpoch),
                        InputShape.FLAT,
                        tabularAugmenter(data, p, seed));
            // GAN trials train two networks against each other (GanTrainer), not one supervised one
            case GAN -> throw new IllegalArgumentException("gan jobs train in GanTrainer, not SupervisedModel");
        };
    }

    private static BatchAugmenter tabularAugmenter(PreparedData data, TrialParams p, long seed) {
        double strength = p.getDouble(AUGMENTATION);
        double alpha = p.getDouble(MIXUP);
        if (strength == 0 && alpha == 0) {
            return BatchAugmenter.NONE;
        }
        boolean[] numeric = new boolean[data.inputWidth()];
        int offset = 0;
        for (FeatureTransform f : data.record().features()) {
            if ("numeric".equals(f.type())) {
                numeric[offset++] = true;
            } else {
                offset += f.categories().size();
            }
        }
        return new TabularAugmenter(numeric, strength, alpha, seed);
    }
}
