package dev.anneal.worker.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.worker.prepare.PreprocessingRecord.FeatureTransform;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowDecoderTest {

    @Test
    void generatedRowsGoBackToTheDatasetsUnits() {
        List<FeatureTransform> features = List.of(
                new FeatureTransform("calls", "numeric", 0, 4.0, 2.0, 4.0, null, null, true),
                new FeatureTransform("fee", "numeric", 0, 50.0, 10.0, 50.0, null, null, null),
                new FeatureTransform(
                        "plan", "categorical", 0, null, null, null, List.of("basic", "pro"), "basic", null));

        String csv = RowDecoder.toCsv(features, new float[][] {{0.6f, -0.25f, 0.2f, 0.7f}, {-1f, 1f, 0.9f, 0.1f}});

        assertThat(csv).isEqualTo("calls,fee,plan\n5,47.5000,pro\n2,60.0000,basic\n");
    }
}
