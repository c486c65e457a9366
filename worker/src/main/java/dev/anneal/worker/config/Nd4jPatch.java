package dev.anneal.worker.config;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces one of ND4J's static services ({@code Nd4j}'s private fields) with a faster subclass,
 * once per process, unless its off switch ({@code -D<property>=false}) is set. If ND4J's internals
 * are not what the patch expects, it logs and leaves ND4J's own service: a patch may make
 * training faster, never break it.
 */
final class Nd4jPatch {

    private static final Logger log = LoggerFactory.getLogger(Nd4jPatch.class);
    private static final Set<String> applied = ConcurrentHashMap.newKeySet();

    private Nd4jPatch() {}

    /**
     * @param field the {@code Nd4j} field holding the service
     * @param current reads the service (which loads the backend first)
     * @param keep true when the current service must stay (already patched, or not the kind the
     *     patch extends)
     */
    static <T> void replace(
            String offSwitch, String field, Supplier<T> current, Predicate<T> keep, Callable<T> replacement) {
        if (!applied.add(field) || "false".equalsIgnoreCase(System.getProperty(offSwitch))) {
            return;
        }
        try {
            if (keep.test(current.get())) {
                return;
            }
            Field f = Nd4j.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(null, replacement.call());
        } catch (Exception e) {
            log.warn("Could not replace ND4J's {}; ND4J's own stays: {}", field, e.toString());
        }
    }
}
