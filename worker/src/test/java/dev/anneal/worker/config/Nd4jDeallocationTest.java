package dev.anneal.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jDeallocationTest {

    @Test
    void arraysAreTrackedByTheQuickPickServiceAfterInstall() throws Exception {
        Nd4jDeallocation.install();
        DeallocatorService service = Nd4j.getDeallocatorService();
        assertThat(service).isInstanceOf(Nd4jDeallocation.QuickPick.class);

        int before = references(service).size();
        INDArray array = Nd4j.create(DataType.FLOAT, 3, 4).addi(1);
        // the new buffer is registered in the map ND4J's deallocator threads free it from
        assertThat(references(service).size()).isGreaterThan(before);
        assertThat(array.sumNumber().doubleValue()).isEqualTo(12.0);
    }

    @Test
    void installingTwiceKeepsOneService() {
        Nd4jDeallocation.install();
        DeallocatorService first = Nd4j.getDeallocatorService();
        Nd4jDeallocation.install();
        assertThat(Nd4j.getDeallocatorService()).isSameAs(first);
    }

    private static Map<?, ?> references(DeallocatorService service) throws ReflectiveOperationException {
        Field f = DeallocatorService.class.getDeclaredField("referenceMap");
        f.setAccessible(true);
        return (Map<?, ?>) f.get(service);
    }
}
