package io.covenant.shared.concurrent;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a background loop: it waits for work up to a timeout, and whoever hands it work (or stops it) wakes it at
 * once instead of leaving it to the next poll.
 */
public final class Signal {

    private final Semaphore permits = new Semaphore(0);

    public void wake() {
        permits.release();
    }

    /**
     * Waits until woken or until the timeout; wake-ups that came before this call count as one. Returns false when
     * the thread was interrupted, which a loop takes as its cue to end.
     */
    public boolean await(Duration timeout) {
        try {
            if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                permits.drainPermits();
            }
            return true;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
