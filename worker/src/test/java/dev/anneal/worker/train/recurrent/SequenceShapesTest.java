package dev.anneal.worker.train.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SequenceShapesTest {

    @Test
    void timeMajorRowsBecomeExamplesByFeaturesByTimesteps() {
        // value = 100 × example + 10 × timestep + feature
        float[][] rows = {
            {0, 1, 10, 11, 20, 21},
            {100, 101, 110, 111, 120, 121}
        };

        INDArray sequences = SequenceShapes.toRecurrent(rows, 3, 2);

        assertThat(sequences.shape()).containsExactly(2, 2, 3);
        for (int example = 0; example < 2; example++) {
            for (int feature = 0; feature < 2; feature++) {
                for (int t = 0; t < 3; t++) {
                    assertThat(sequences.getFloat(example, feature, t)).isEqualTo(100f * example + 10 * t + feature);
                }
            }
        }
    }

    @Test
    void refusesRowsThatAreNotTimestepsTimesFeaturesWide() {
        assertThatThrownBy(() -> SequenceShapes.toRecurrent(Nd4j.zeros(4, 7), 3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows have 7 columns, but 3 timesteps × 2 features = 6");
    }
}
