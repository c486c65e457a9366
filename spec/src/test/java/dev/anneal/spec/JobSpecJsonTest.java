package dev.anneal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.tuner.space.CategoricalDistribution;
import dev.anneal.tuner.space.FixedValue;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.study.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored specs, as the api has written them, read into {@link JobSpec} and written back: the JSON
 * must come back unchanged (jobs stored by earlier versions stay readable, and the spec shown to
 * clients does not change), and the typed reading must be what the JSON says.
 */
class JobSpecJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String MLP = """
            {"name":"digits-mlp","execution":"dl4j","dataset":"digits","target":"label","task":"classification",
             "features":[],"model":{"type":"mlp"},
             "searchSpace":{"learningRate":{"type":"float","min":1.0E-4,"max":0.1,"log":true},
                            "units":{"type":"int","min":16,"max":256,"log":false,"step":16},
                            "activation":{"type":"categorical","values":["relu","tanh"]},"epochs":20},
             "parameterOrder":["units","learningRate","activation","epochs"],
             "algorithm":{"type":"tpe","seed":7},
             "objective":{"metric":"val_accuracy","direction":"maximize","epoch":"best"},
             "validation":{"type":"holdout","fraction":0.2},"preprocessing":{"fillValue":0.0,"flips":false},
             "maxTrials":30,"parallelism":2,"warmStartFrom":[3],"initialTrials":[{"units":64,"learningRate":0.01,
             "activation":"relu","epochs":20}],"pruner":{"type":"asha","minEpochs":1,"reductionFactor":3},
             "tags":{"team":"vision"}}""";

    private static final String SERIES = """
            {"name":"air","execution":"dl4j","dataset":"air","target":"passengers","task":"regression",
             "features":["temp"],"model":{"type":"lstm","series":{"horizon":1}},
             "searchSpace":{"window":{"type":"int","min":6,"max":24,"log":false}},"parameterOrder":["window"],
             "algorithm":{"type":"bayesian","seed":1},"objective":{"metric":"val_rmse","direction":"minimize","epoch":"last"},
             "validation":{"type":"chronological","last":24},"preprocessing":{"fillValue":1.5,"flips":true},
             "maxTrials":20,"parallelism":1,"warmStartFrom":[],"initialTrials":[],
             "pruner":{"type":"median","warmupTrials":5,"warmupSteps":2},"tags":{}}""";

    private static final String CNN_KFOLD = """
            {"name":"mnist-cnn","execution":"dl4j","dataset":"mnist","target":"label","task":"classification",
             "features":[],"model":{"type":"cnn","input":{"channels":1,"height":28,"width":28}},
             "searchSpace":{"filters":{"type":"categorical","values":[16,32]},"dropout":0.25},"parameterOrder":["filters","dropout"],
             "algorithm":{"type":"grid","seed":0},"objective":{"metric":"val_f1","direction":"maximize","epoch":"best"},
             "validation":{"type":"kfold","folds":5},"preprocessing":{"fillValue":0.0,"flips":false},
             "maxTrials":2,"parallelism":2,"warmStartFrom":[],"initialTrials":[],"pruner":{"type":"none"},"tags":{}}""";

    private static final String EXTERNAL = """
            {"name":"loss-external","execution":"external",
             "searchSpace":{"x":{"type":"float","min":-5.0,"max":5.0,"log":false,"step":0.5},"flag":true},
             "parameterOrder":["x","flag"],"algorithm":{"type":"random","seed":42},
             "objective":{"metric":"loss","direction":"minimize"},"maxTrials":100,"parallelism":8,
             "warmStartFrom":[],"initialTrials":[],
             "pruner":{"type":"hyperband","minEpochs":1,"reductionFactor":3,"maxEpochs":27},"tags":{"ci":"yes"}}""";

    @ParameterizedTest
    @ValueSource(strings = {MLP, SERIES, CNN_KFOLD, EXTERNAL})
    void storedSpecsComeBackUnchanged(String stored) {
        // as maps: the same keys and values, whatever the order of keys or the width of integers
        Map<?, ?> original = JSON.readValue(stored, Map.class);
        JobSpec spec = JobSpecJson.read(stored);
        assertThat(JSON.readValue(JobSpecJson.write(spec), Map.class)).isEqualTo(original);
        assertThat(JSON.readValue(JobSpecJson.tree(spec).toString(), Map.class)).isEqualTo(original);
    }

    @Test
    void readsTheTypesTheJsonMeans() {
        JobSpec spec = JobSpecJson.read(MLP);
        assertThat(spec.execution()).isEqualTo(Execution.DL4J);
        assertThat(spec.objective().direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(spec.objective().maximize()).isTrue();
        // the search space in the order the user wrote it, not jsonb's
        assertThat(List.copyOf(spec.searchSpace().parameters().keySet()))
                .containsExactly("units", "learningRate", "activation", "epochs");
        assertThat(spec.searchSpace().parameters().get("units"))
                .isEqualTo(new IntDistribution("units", 16, 256, false, 16));
        assertThat(spec.searchSpace().parameters().get("learningRate"))
                .isEqualTo(new FloatDistribution("learningRate", 1e-4, 0.1, true, null));
        assertThat(spec.searchSpace().parameters().get("activation"))
                .isEqualTo(new CategoricalDistribution("activation", List.of("relu", "tanh")));
        assertThat(spec.searchSpace().parameters().get("epochs")).isEqualTo(new FixedValue("epochs", 20L));
        // integral numbers are the samplers' Long, as in trial parameters
        assertThat(spec.initialTrials().get(0).get("units")).isEqualTo(64L);
        assertThat(spec.pruner()).isEqualTo(new PrunerSpec.Asha(1, 3));

        JobSpec external = JobSpecJson.read(EXTERNAL);
        assertThat(external.isExternal()).isTrue();
        assertThat(external.objective().direction()).isEqualTo(Direction.MINIMIZE);
        assertThat(external.objective().epoch()).isNull();
        assertThat(external.model()).isNull();
        assertThat(external.features()).isNull();
    }

    @Test
    void aFamilyNoWorkerCanBuildIsNotASpec() {
        // before, an unknown model.type silently trained an MLP
        assertThatThrownBy(() -> JobSpecJson.read(MLP.replace("{\"type\":\"mlp\"}", "{\"type\":\"rnn\"}")))
                .hasStackTraceContaining("not a model family: rnn");
        assertThat(JobSpecJson.read(CNN_KFOLD).model().type()).isEqualTo(ModelFamily.CNN);
    }

    @Test
    void specsStoredBeforeLaterFieldsMeanTheirDefaults() {
        JobSpec old = JobSpecJson.read("""
                {"name":"old","execution":"dl4j","dataset":"iris","target":"species","task":"classification",
                 "searchSpace":{"units":32},"algorithm":{"type":"random","seed":3},
                 "objective":{"metric":"val_accuracy","direction":"maximize","epoch":"best"},
                 "validation":{"type":"holdout","fraction":0.2},"maxTrials":5,"parallelism":1}""");
        assertThat(old.model().type()).isEqualTo(ModelFamily.MLP);
        assertThat(old.features()).isEmpty();
        assertThat(old.preprocessing()).isEqualTo(JobSpec.PreprocessingSpec.DEFAULT);
        assertThat(old.pruner()).isEqualTo(PrunerSpec.NONE);
        assertThat(old.warmStartFrom()).isEmpty();
        assertThat(old.tags()).isEmpty();
    }
}
