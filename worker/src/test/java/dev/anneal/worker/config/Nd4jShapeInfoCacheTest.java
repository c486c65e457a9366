package dev.anneal.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jShapeInfoCacheTest {

    @Test
    void arraysOfOneShapeShareTheirShapeInformationAndStayCorrect() {
        Nd4jShapeInfoCache.install();
        assertThat(Nd4j.getShapeInfoProvider()).isInstanceOf(Nd4jShapeInfoCache.Caching.class);

        INDArray a = Nd4j.create(DataType.FLOAT, 4, 3).assign(2);
        INDArray b = Nd4j.create(DataType.FLOAT, 4, 3).assign(5);
        assertThat(b.shapeInfoDataBuffer()).isSameAs(a.shapeInfoDataBuffer());

        INDArray c = Nd4j.create(DataType.FLOAT, 3, 4).assign(1);
        assertThat(c.shapeInfoDataBuffer()).isNotSameAs(a.shapeInfoDataBuffer());
        assertThat(c.shape()).containsExactly(3, 4);
        assertThat(a.mmul(c).sumNumber().doubleValue()).isEqualTo(2 * 3 * 16.0);
        assertThat(b.dup('f').ordering()).isEqualTo('f');
        assertThat(a.add(b).getFloat(3, 2)).isEqualTo(7f);
    }

    @Test
    void theCacheStartsOverWhenFull() {
        Nd4jShapeInfoCache.install();
        var cache = (Nd4jShapeInfoCache.Caching) Nd4j.getShapeInfoProvider();
        for (int n = 1; n <= Nd4jShapeInfoCache.MAX_ENTRIES + 10; n++) {
            cache.createShapeInformation(new long[] {n}, new long[] {1}, 1, 'c', DataType.FLOAT, false);
        }
        assertThat(cache.size()).isBetween(1, Nd4jShapeInfoCache.MAX_ENTRIES);
        assertThat(Nd4j.create(DataType.FLOAT, 2, 2).assign(1).sumNumber().doubleValue())
                .isEqualTo(4.0);
    }
}
