package dev.anneal.api.job;

import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ModelFamilies;
import dev.anneal.spec.ModelFamily;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a DL4J job's {@code model}: the family and, where the family needs it, how feature
 * columns form its input (an image shape for cnn and, optionally, gan; a sequence shape or a
 * time series for lstm),
 * and checks the dataset's columns against it.
 */
final class ModelSpecParser {

    /** Pixels or sequence cells a job may declare: bounds the memory of one input row. */
    static final int MAX_INPUT_CELLS = 1 << 20;

    static final int MAX_SIDE = 4096;
    static final int MAX_HORIZON = 1000;

    /** A parsed model: its family and layout; {@code horizon} is set for time series only. */
    record Model(
            String type,
            JobSpec.ImageShape image,
            JobSpec.SequenceShape sequence,
            Integer horizon,
            JobSpec.TextSpec text) {

        static final Model MLP = new Model(ModelFamilies.MLP, null, null, null);

        Model(String type, JobSpec.ImageShape image, JobSpec.SequenceShape sequence, Integer horizon) {
            this(type, image, sequence, horizon, null);
        }

        boolean readsText() {
            return text != null;
        }

        boolean series() {
            return horizon != null;
        }

        boolean gan() {
            return ModelFamilies.GAN.equals(type);
        }

        JobSpec.ModelSpec spec() {
            return new JobSpec.ModelSpec(
                    ModelFamily.of(type),
                    image,
                    sequence,
                    horizon == null ? null : new JobSpec.SeriesSpec(horizon),
                    text);
        }

        /** Feature columns the layout needs, or {@code null} when any number will do. */
        Integer expectedFeatures() {
            if (image != null) {
                return image.pixels();
            }
            return sequence == null ? null : sequence.timesteps() * sequence.features();
        }

        String layoutText() {
            return image != null
                    ? "model.input declares " + image.channels() + "x" + image.height() + "x" + image.width() + " = "
                            + image.pixels() + " pixels"
                    : "model.sequence declares " + sequence.timesteps() + " steps x " + sequence.features() + " = "
                            + (sequence.timesteps() * sequence.features()) + " values";
        }
    }

    private ModelSpecParser() {}

    static Model parse(SpecNode root) {
        Optional<SpecNode> node = root.object("model", false);
        if (node.isEmpty()) {
            return Model.MLP;
        }
        SpecNode m = node.get();
        String type = m.choice("type", true, ModelFamilies.ALL).orElse(ModelFamilies.MLP);
        return switch (type) {
            case ModelFamilies.CNN -> {
                m.rejectUnknown(Set.of("type", "input"));
                JobSpec.ImageShape image =
                        m.object("input", true).map(ModelSpecParser::image).orElse(null);
                yield new Model(type, image, null, null);
            }
            case ModelFamilies.LSTM -> lstm(m);
            case ModelFamilies.GAN -> {
                m.rejectUnknown(Set.of("type", "input"));
                JobSpec.ImageShape image = m.object("input", false)
                        .map(input -> ganImage(m, input))
                        .orElse(null);
                yield new Model(type, image, null, null);
            }
            default -> {
                m.rejectUnknown(Set.of("type"));
                yield new Model(type, null, null, null);
            }
        };
    }

    private static Model lstm(SpecNode m) {
        m.rejectUnknown(Set.of("type", "sequence", "series", "text"));
        boolean sequence = m.has("sequence");
        boolean series = m.has("series");
        boolean text = m.has("text");
        if ((sequence ? 1 : 0) + (series ? 1 : 0) + (text ? 1 : 0) != 1) {
            m.error(
                    "",
                    "an lstm model needs exactly one of \"sequence\" (fixed-length sequences laid out in the feature"
                            + " columns: {\"timesteps\": T, \"features\": F}), \"series\" (forecast the target time"
                            + " series: {\"horizon\": 1}) or \"text\" (read a text column: {\"column\": \"text\"})");
            return new Model(ModelFamilies.LSTM, null, null, null);
        }
        if (text) {
            return new Model(
                    ModelFamilies.LSTM,
                    null,
                    null,
                    null,
                    m.object("text", true).map(ModelSpecParser::text).orElse(null));
        }
        if (sequence) {
            return new Model(
                    ModelFamilies.LSTM,
                    null,
                    m.object("sequence", true).map(ModelSpecParser::sequence).orElse(null),
                    null);
        }
        int horizon = m.object("series", true)
                .map(s -> {
                    s.rejectUnknown(Set.of("horizon"));
                    return s.integer("horizon", false, 1, MAX_HORIZON)
                            .map(Long::intValue)
                            .orElse(1);
                })
                .orElse(1);
        return new Model(ModelFamilies.LSTM, null, null, horizon);
    }

    private static JobSpec.TextSpec text(SpecNode text) {
        text.rejectUnknown(Set.of("column", "maxVocabulary", "minCount"));
        Optional<String> column = text.string("column", true);
        int maxVocabulary = text.integer("maxVocabulary", false, 1, JobSpec.TextSpec.LIMIT_MAX_VOCABULARY)
                .map(Long::intValue)
                .orElse(JobSpec.TextSpec.DEFAULT_MAX_VOCABULARY);
        int minCount = text.integer("minCount", false, 1, MAX_INPUT_CELLS)
                .map(Long::intValue)
                .orElse(1);
        return column.map(c -> new JobSpec.TextSpec(c, maxVocabulary, minCount)).orElse(null);
    }

    private static JobSpec.ImageShape image(SpecNode input) {
        input.rejectUnknown(Set.of("channels", "height", "width"));
        int channels =
                input.integer("channels", false, 1, 64).map(Long::intValue).orElse(1);
        Optional<Long> height = input.integer("height", true, 1, MAX_SIDE);
        Optional<Long> width = input.integer("width", true, 1, MAX_SIDE);
        if (height.isEmpty() || width.isEmpty()) {
            return null;
        }
        long cells = channels * height.get() * width.get();
        if (cells > MAX_INPUT_CELLS) {
            input.error(
                    "", "an image may have at most " + MAX_INPUT_CELLS + " values, but " + cells + " were declared");
            return null;
        }
        return new JobSpec.ImageShape(
                channels, height.get().intValue(), width.get().intValue());
    }

    /**
     * An image GAN's generator doubles its maps' sides twice (transposed convolutions of stride
     * 2), and its discriminator halves them twice, so both sides must be multiples of 4.
     */
    private static JobSpec.ImageShape ganImage(SpecNode model, SpecNode input) {
        JobSpec.ImageShape image = image(input);
        if (image != null && (image.height() % 4 != 0 || image.width() % 4 != 0)) {
            model.error(
                    "input",
                    "an image gan needs a height and width that are multiples of 4 (its generator doubles"
                            + " a 1/4-size image twice), but " + image.height() + "x" + image.width()
                            + " was declared");
            return null;
        }
        return image;
    }

    private static JobSpec.SequenceShape sequence(SpecNode sequence) {
        sequence.rejectUnknown(Set.of("timesteps", "features"));
        Optional<Long> steps = sequence.integer("timesteps", true, 1, MAX_INPUT_CELLS);
        Optional<Long> features = sequence.integer("features", false, 1, MAX_INPUT_CELLS);
        if (steps.isEmpty()) {
            return null;
        }
        long f = features.orElse(1L);
        if (steps.get() * f > MAX_INPUT_CELLS) {
            sequence.error("", "a sequence may have at most " + MAX_INPUT_CELLS + " values");
            return null;
        }
        return new JobSpec.SequenceShape(steps.get().intValue(), (int) f);
    }
}
