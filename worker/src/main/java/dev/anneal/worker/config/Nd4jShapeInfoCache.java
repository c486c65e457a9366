package dev.anneal.worker.config;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Caches the shape information of every ND4J array that is created, as ND4J's own provider caches
 * it for a few other constructors but not for the one {@code BaseNDArray} calls most. Uncached,
 * each new array (every activation, gradient, view and temporary of a mini-batch) allocates two
 * JavaCPP pointers for its shape and stride, asks libnd4j for the shape buffer and wraps it in a
 * third; each JavaCPP allocation takes a global lock and reads {@code /proc/self/statm} to enforce
 * {@code maxphysicalbytes}. In an async-profiler profile of a digits MLP trial that was about a
 * third of the trial thread's CPU time ({@code anneal-bench trial-profile}).
 *
 * <p>The cached value is what libnd4j already shares: the shape buffer comes from its constant
 * shape cache, one per distinct shape, and is marked constant. Entries are a few hundred bytes;
 * past {@link #MAX_ENTRIES} distinct shapes (a long-running worker sees new layer sizes and batch
 * sizes with every job) the cache starts over. {@code -Danneal.nd4j.shape-cache=false} leaves
 * ND4J's provider.
 */
public final class Nd4jShapeInfoCache {

    static final String OFF_SWITCH = "anneal.nd4j.shape-cache";
    static final int MAX_ENTRIES = 20_000;

    private Nd4jShapeInfoCache() {}

    /** Idempotent; if ND4J's internals are not what this expects, logs and leaves ND4J's provider. */
    public static void install() {
        Nd4jPatch.replace(
                OFF_SWITCH,
                "shapeInfoProvider",
                Nd4j::getShapeInfoProvider,
                p -> !(p instanceof DirectShapeInfoProvider) || p instanceof Caching,
                Caching::new);
    }

    /** ND4J's CPU provider, plus a cache for the overload every plain array constructor calls. */
    static final class Caching extends DirectShapeInfoProvider {

        private final Map<Key, Pair<DataBuffer, long[]>> cache = new ConcurrentHashMap<>();

        private record Key(long[] shape, long[] stride, long ews, char order, DataType type, boolean empty) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k
                        && ews == k.ews
                        && order == k.order
                        && type == k.type
                        && empty == k.empty
                        && Arrays.equals(shape, k.shape)
                        && Arrays.equals(stride, k.stride);
            }

            @Override
            public int hashCode() {
                return (31 * Arrays.hashCode(shape) + Arrays.hashCode(stride)) * 31 + Long.hashCode(ews) + order;
            }
        }

        @Override
        public Pair<DataBuffer, long[]> createShapeInformation(
                long[] shape, long[] stride, long elementWiseStride, char order, DataType dataType, boolean empty) {
            Key key = new Key(shape.clone(), stride.clone(), elementWiseStride, order, dataType, empty);
            Pair<DataBuffer, long[]> cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            Pair<DataBuffer, long[]> created =
                    super.createShapeInformation(shape, stride, elementWiseStride, order, dataType, empty);
            cache.put(key, created);
            return created;
        }

        int size() {
            return cache.size();
        }
    }
}
