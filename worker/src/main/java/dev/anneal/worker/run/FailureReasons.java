package dev.anneal.worker.run;

import java.util.regex.Pattern;

/**
 * Turns whatever a trial threw into the {@code failure_reason} users read. Running out of memory
 * gets a reason of its own, {@value #OUT_OF_MEMORY}, however it surfaced: the JVM's {@link
 * OutOfMemoryError} (heap), JavaCPP's (off-heap: "Physical memory usage is too high", "Cannot
 * allocate new FloatPointer"), ND4J's ("Failed to allocate [n] bytes") or a native allocation
 * failure that ND4J rethrows as a plain {@link RuntimeException} ("Failed to allocate new
 * NDArray", "std::bad_alloc"). Such a trial would fail the same way on any worker of this size,
 * so it is failed at once rather than left to the reaper to retry.
 */
public final class FailureReasons {

    /** The reason, or the prefix of the reason, of a trial that ran out of memory. */
    public static final String OUT_OF_MEMORY = "out-of-memory";

    /** Native and JavaCPP wordings of an allocation that could not be served. */
    private static final Pattern ALLOCATION_FAILED = Pattern.compile(
            "(cannot|can't|failed to|unable to) allocate|bad_alloc|physical memory usage is too high|out of memory",
            Pattern.CASE_INSENSITIVE);

    private FailureReasons() {}

    /**
     * {@code out-of-memory: <detail>} for an allocation failure, else {@code error: <type>:
     * <message>}, where the type is the simple class name ({@code StackOverflowError}, {@code
     * IllegalStateException}).
     */
    public static String of(Throwable thrown) {
        Throwable memory = outOfMemory(thrown);
        if (memory != null) {
            return OUT_OF_MEMORY + ": " + detail(memory);
        }
        return "error: " + thrown.getClass().getSimpleName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }

    public static boolean isOutOfMemory(Throwable thrown) {
        return outOfMemory(thrown) != null;
    }

    /**
     * The deepest link of the cause chain that says memory ran out, or {@code null}: JavaCPP
     * wraps the informative "physicalBytes (836M) > maxPhysicalBytes (600M)" in a vaguer
     * "Cannot allocate new LongPointer(1)".
     */
    private static Throwable outOfMemory(Throwable thrown) {
        Throwable found = null;
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof OutOfMemoryError
                    || (t.getMessage() != null
                            && ALLOCATION_FAILED.matcher(t.getMessage()).find())) {
                found = t;
            }
        }
        return found;
    }

    private static String detail(Throwable memory) {
        String message = memory.getMessage();
        return message == null || message.isBlank() ? memory.getClass().getSimpleName() : message.strip();
    }
}
