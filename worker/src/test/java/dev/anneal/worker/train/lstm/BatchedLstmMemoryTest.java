package dev.anneal.worker.train.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.anneal.worker.config.Nd4jThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Training must not grow the process's resident memory. libnd4j's fused {@code lstmLayer_bp}
 * (behind {@code FusedLstmLayer}) leaks about 1 MB a call at this size, so the same loop with that
 * layer grows by hundreds of MB; this layer's buffers are allocated once per batch shape.
 */
class BatchedLstmMemoryTest {

    /** Epochs of 11 fits and one validation pass; FusedLstmLayer grows by about 900 MB over these. */
    private static final int EPOCHS = 40;
    /** Heap resizing and malloc arenas move RSS by 10-30 MB between samples after warm-up. */
    private static final long BOUND_MB = 96;

    @org.junit.jupiter.params.ParameterizedTest(name = "bidirectional {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void residentMemoryStaysBoundedOverManyIterations(boolean bidirectional) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
        Nd4jThreads.limit(1);
        // the series-LSTM shape of the leak report: windows of 24 steps, 32 units, batch 32, stacked
        var net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .list()
                .layer(new BatchedLstmLayer.Builder()
                        .nIn(1)
                        .nOut(32)
                        .returnSequences(true)
                        .bidirectional(bidirectional)
                        .build())
                .layer(new BatchedLstmLayer.Builder()
                        .nIn(bidirectional ? 64 : 32)
                        .nOut(32)
                        .bidirectional(bidirectional)
                        .build())
                .layer(new OutputLayer.Builder(LossFunction.MSE)
                        .nIn(bidirectional ? 64 : 32)
                        .nOut(1)
                        .activation(Activation.IDENTITY)
                        .build())
                .setInputType(InputType.recurrent(1))
                .build());
        net.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 1, 24);
        INDArray y = Nd4j.rand(DataType.FLOAT, 32, 1);
        INDArray lastX = Nd4j.rand(DataType.FLOAT, 7, 1, 24); // an epoch's last, smaller batch
        INDArray lastY = Nd4j.rand(DataType.FLOAT, 7, 1);
        INDArray validation = Nd4j.rand(DataType.FLOAT, 100, 1, 24);

        Runnable epochLike = () -> {
            for (int i = 0; i < 10; i++) {
                net.fit(x, y);
            }
            net.fit(lastX, lastY);
            net.output(validation, false);
        };
        for (int i = 0; i < 30; i++) {
            epochLike.run(); // warm-up: JIT, workspaces, heap growth
        }
        long before = settledRssMb();
        for (int i = 0; i < EPOCHS; i++) {
            epochLike.run();
        }
        long after = settledRssMb();
        System.out.printf("RSS %d MB after warm-up, %d MB after %d more epochs%n", before, after, EPOCHS);

        assertThat(after - before)
                .as("RSS growth over %d epochs of training (%d MB -> %d MB)", EPOCHS, before, after)
                .isLessThan(BOUND_MB);
    }

    private static long settledRssMb() throws IOException, InterruptedException {
        System.gc();
        Thread.sleep(200);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
