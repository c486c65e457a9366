package dev.anneal.worker.config;

import java.lang.ref.ReferenceQueue;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.nd4j.linalg.api.memory.Deallocatable;
import org.nd4j.linalg.api.memory.deallocation.DeallocatableReference;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Takes a {@code SecureRandom} out of every ND4J array. ND4J registers each array, data buffer
 * and op context it creates with its {@link DeallocatorService}, which picks one of its reference
 * queues by {@code RandomUtils.nextInt} of commons-lang3. Since commons-lang3 3.15 (this build has
 * the version Spring Boot manages, 3.19) that static method draws from a new {@code SecureRandom}
 * on every call: a provider lookup, a reflective construction and a SHA-1 mix, 0.5–3 µs, a few
 * hundred times per mini-batch. In a JFR profile of digits MLP trials it was a quarter of the
 * training thread's Java samples ({@code anneal-bench trial-profile}).
 *
 * <p>{@link #install()} puts a {@link DeallocatorService} in ND4J's place whose only difference is
 * the queue pick ({@link ThreadLocalRandom}); the queues, the reference map and the deallocator
 * threads are the ones its superclass built, so arrays are freed exactly as before. Pinning
 * commons-lang3 below 3.15 instead would downgrade it under swagger-core and commons-compress,
 * which ask for 3.18 and later. {@code -Danneal.nd4j.quick-pick=false} leaves ND4J's own service
 * (an off switch for this reflective patch, and the baseline of its benchmark).
 */
public final class Nd4jDeallocation {

    static final String OFF_SWITCH = "anneal.nd4j.quick-pick";

    private Nd4jDeallocation() {}

    /** Idempotent; if ND4J's internals are not what this expects, logs and leaves ND4J's service. */
    public static void install() {
        Nd4jPatch.replace(
                OFF_SWITCH,
                "deallocatorService",
                Nd4j::getDeallocatorService,
                s -> s instanceof QuickPick,
                QuickPick::new);
    }

    /**
     * ND4J's service with a cheap random queue pick. Arrays created before the swap stay tracked
     * by the previous service, whose threads keep running.
     */
    static final class QuickPick extends DeallocatorService {

        private final List<List<ReferenceQueue<Deallocatable>>> queuesByDevice;
        private final Map<String, DeallocatableReference> references;
        private final boolean tracking;

        @SuppressWarnings("unchecked")
        QuickPick() throws ReflectiveOperationException {
            this.queuesByDevice = (List<List<ReferenceQueue<Deallocatable>>>) read("deviceMap");
            this.references = (Map<String, DeallocatableReference>) read("referenceMap");
            this.tracking = !Boolean.TRUE.equals(read("noPointerGc"));
        }

        private Object read(String name) throws ReflectiveOperationException {
            Field f = DeallocatorService.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(this);
        }

        @Override
        public void pickObject(Deallocatable deallocatable) {
            if (!tracking) {
                super.pickObject(deallocatable);
                return;
            }
            List<ReferenceQueue<Deallocatable>> queues = queuesByDevice.get(deallocatable.targetDevice());
            var queue = queues.get(ThreadLocalRandom.current().nextInt(queues.size()));
            references.put(deallocatable.getUniqueId(), new DeallocatableReference(deallocatable, queue));
        }
    }
}
