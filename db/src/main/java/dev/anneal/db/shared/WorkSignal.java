package dev.anneal.db.shared;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the claim loop early: when the scheduler queues trials in this process, or a slot frees
 * up. Without a wake-up the loop polls at its interval, which is what workers in other processes
 * rely on.
 */
public class WorkSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean pending;

    public void wake() {
        lock.lock();
        try {
            pending = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until woken or {@code timeout} passes; a wake that came before this call counts. */
    public void await(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!pending && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
