package dev.anneal.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Failure reasons of trials that threw. The heap exhaustion and the stack overflow are real; the
 * off-heap ones repeat, word for word, what JavaCPP and ND4J threw in a worker capped with
 * {@code -Dorg.bytedeco.javacpp.maxphysicalbytes} (that cap is read once per JVM, so the real
 * thing is provoked in {@code OutOfMemoryWorkerIT}).
 */
class FailureReasonsTest {

    @Test
    void anExhaustedHeapIsOutOfMemory() {
        Throwable thrown = null;
        try {
            long[][] hog = new long[64][];
            for (int i = 0; i < hog.length; i++) {
                hog[i] = new long
                        [(int) Math.min(
                                Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 8)];
            }
        } catch (OutOfMemoryError e) {
            thrown = e;
        }

        assertThat(thrown).isNotNull();
        assertThat(FailureReasons.isOutOfMemory(thrown)).isTrue();
        assertThat(FailureReasons.of(thrown)).startsWith("out-of-memory: ");
    }

    @Test
    void javaCppsOffHeapLimitIsOutOfMemoryWithItsNumbers() {
        var cause = new OutOfMemoryError(
                "Physical memory usage is too high: physicalBytes (836M) > maxPhysicalBytes (600M)");
        var thrown =
                new OutOfMemoryError("Cannot allocate new LongPointer(1): totalBytes = 4096, physicalBytes = 836M");
        thrown.initCause(cause);

        assertThat(FailureReasons.of(thrown))
                .isEqualTo("out-of-memory: Physical memory usage is too high:"
                        + " physicalBytes (836M) > maxPhysicalBytes (600M)");
    }

    @Test
    void nativeAllocationFailuresRethrownAsExceptionsAreOutOfMemory() {
        var nd4j = new RuntimeException("Op [matmul] execution failed", new RuntimeException("std::bad_alloc"));
        var workspace = new IllegalStateException("Failed to allocate new workspace");

        assertThat(FailureReasons.of(nd4j)).isEqualTo("out-of-memory: std::bad_alloc");
        assertThat(FailureReasons.of(workspace)).isEqualTo("out-of-memory: Failed to allocate new workspace");
    }

    @Test
    void otherErrorsAreNamed() {
        Throwable thrown = null;
        try {
            recurse(0);
        } catch (StackOverflowError e) {
            thrown = e;
        }

        assertThat(FailureReasons.of(thrown)).isEqualTo("error: StackOverflowError");
        assertThat(FailureReasons.of(new IllegalArgumentException("units must be positive")))
                .isEqualTo("error: IllegalArgumentException: units must be positive");
        assertThat(FailureReasons.isOutOfMemory(new IllegalStateException("allocated 3 slots")))
                .isFalse();
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
