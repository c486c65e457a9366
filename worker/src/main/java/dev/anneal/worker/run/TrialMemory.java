package dev.anneal.worker.run;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the memory of a trial that ran out of it, on the trial's own thread, before the
 * slot claims again. Unwinding the trial dropped every reference to its network and arrays, but
 * their off-heap buffers only go back when the collector runs their deallocators, which a JVM
 * with free heap may not do for a long time; and ND4J's workspaces belong to the thread and
 * outlive the network that grew them. Without this the next trial in the slot would start with
 * the memory its predecessor ran out of still taken.
 */
final class TrialMemory {

    private static final Logger log = LoggerFactory.getLogger(TrialMemory.class);

    private TrialMemory() {}

    static void releaseAfterOutOfMemory() {
        try {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        } catch (RuntimeException | Error e) {
            log.warn("Could not destroy this thread's ND4J workspaces: {}", e.toString());
        }
        System.gc();
    }
}
