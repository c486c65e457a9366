package dev.anneal.worker.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.anneal.data.CsvTable;
import dev.anneal.data.CsvTableReader;
import dev.anneal.db.testing.SharedDatasets;
import dev.anneal.spec.JobSpec;
import dev.anneal.worker.testing.Specs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TabularPreparerTest {

    static JobSpec spec(String target, String task, long seed) {
        return Specs.mlp(target, task, "val_accuracy", "maximize", seed);
    }

    @Test
    void stratifiesIrisSoEveryClassKeepsItsShare() {
        PreparedData data = TabularPreparer.prepare(table("iris.csv"), spec("label", "classification", 42));

        assertThat(data.trainX()).hasNumberOfRows(120);
        assertThat(data.validationX()).hasNumberOfRows(30);
        int[] perClass = new int[3];
        for (int c : data.validationClasses()) {
            perClass[c]++;
        }
        assertThat(perClass).containsExactly(10, 10, 10);
        assertThat(data.record().target().classes()).containsExactly("0", "1", "2");
    }

    @Test
    void standardizationIsFittedOnTheTrainingSplitOnly() {
        PreparedData data = TabularPreparer.prepare(table("wine.csv"), spec("label", "classification", 1));

        for (int col = 0; col < data.inputWidth(); col++) {
            final int c = col;
            double trainMean = Arrays.stream(data.trainX())
                    .mapToDouble(r -> r[c])
                    .average()
                    .orElseThrow();
            assertThat(trainMean).isCloseTo(0.0, within(1e-4));
        }
        var proline = data.record().features().stream()
                .filter(f -> f.column().equals("proline"))
                .findFirst()
                .orElseThrow();
        assertThat(proline.center()).isBetween(600.0, 900.0);
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        CsvTable iris = table("iris.csv");
        PreparedData a = TabularPreparer.prepare(iris, spec("label", "classification", 7));
        PreparedData b = TabularPreparer.prepare(iris, spec("label", "classification", 7));
        PreparedData c = TabularPreparer.prepare(iris, spec("label", "classification", 8));

        assertThat(a.validationX()).isDeepEqualTo(b.validationX());
        assertThat(Arrays.deepEquals(a.validationX(), c.validationX())).isFalse();
    }

    @Test
    void regressionDropsRowsWithoutTargetAndImputesFeatures() {
        PreparedData data = TabularPreparer.prepare(table("airquality.csv"), spec("target", "regression", 3));

        assertThat(data.record().droppedMissingTarget()).isEqualTo(37);
        assertThat(data.record().rowsWithTarget()).isEqualTo(116);
        assertThat(data.trainX().length + data.validationX().length).isEqualTo(116);
        assertThat(data.isClassification()).isFalse();
        assertThat(data.record().features().get(0).column()).isEqualTo("solar_r");
        assertThat(data.record().features().get(0).missingInTrain()).isPositive();
        for (float[] row : data.trainX()) {
            for (float v : row) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
    }

    @Test
    void oneHotEncodesTextFeaturesAndMapsTextLabels() {
        String csv = "color,size,label\n" + "red,1,Yes\nblue,2,No\nred,3,Yes\ngreen,4,No\nred,5,Yes\nblue,6,No\n"
                + "red,7,Yes\nblue,8,No\nred,9,Yes\nblue,10,No\n";
        PreparedData data = TabularPreparer.prepare(
                CsvTableReader.read(csv.getBytes(StandardCharsets.UTF_8)), spec("label", "classification", 5));

        assertThat(data.record().target().classes()).containsExactly("No", "Yes");
        var color = data.record().features().get(0);
        assertThat(color.type()).isEqualTo("categorical");
        assertThat(color.categories()).startsWith("red");
        assertThat(data.inputWidth()).isEqualTo(color.categories().size() + 1);
    }

    @Test
    void explainsUnusableTargets() {
        CsvTable iris = table("iris.csv");
        assertThatThrownBy(() -> TabularPreparer.prepare(iris, spec("species", "classification", 1)))
                .isInstanceOf(TrainingDataException.class)
                .hasMessage("target column \"species\" is not in the dataset");
        CsvTable oneClass = CsvTableReader.read("a,label\n1,x\n2,x\n3,x\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TabularPreparer.prepare(oneClass, spec("label", "classification", 1)))
                .hasMessageContaining("at least 2 classes");
    }

    static CsvTable table(String file) {
        return CsvTableReader.read(SharedDatasets.bytes(file));
    }
}
