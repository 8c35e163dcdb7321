package io.covenant.shared.jdbc;

import java.util.function.Supplier;

/**
 * Where this thread's read-only transactions go. Read-only work may run on a replica ({@code DATABASE_REPLICA_URL});
 * these switches keep it on the primary when a replica could show an older state than the caller must see.
 */
public final class ReadRouting {

    private static final ThreadLocal<Integer> PRIMARY = ThreadLocal.withInitial(() -> 0);

    private static final ThreadLocal<Boolean> WROTE = ThreadLocal.withInitial(() -> false);

    /** The replica this thread's current read-only work used, so that a failure there can be retried elsewhere. */
    private static final ThreadLocal<Replica> USED = new ThreadLocal<>();

    private ReadRouting() {}

    /** Runs the reads of {@code work} on the primary, e.g. to fill a cache that a replica might fill with old rows. */
    public static <T> T onPrimary(Supplier<T> work) {
        PRIMARY.set(PRIMARY.get() + 1);
        try {
            return work.get();
        } finally {
            int depth = PRIMARY.get() - 1;
            if (depth == 0) {
                PRIMARY.remove();
            } else {
                PRIMARY.set(depth);
            }
        }
    }

    /** {@link #onPrimary} for work that throws. */
    interface Work<T> {

        T run() throws Throwable;
    }

    static <T> T onPrimaryRethrowing(Work<T> work) throws Throwable {
        PRIMARY.set(PRIMARY.get() + 1);
        try {
            return work.run();
        } finally {
            PRIMARY.set(PRIMARY.get() - 1);
        }
    }

    /** A new unit of work (a request) begins or ends: earlier writes no longer pin reads to the primary. */
    public static void reset() {
        WROTE.remove();
        USED.remove();
    }

    /** A write transaction began on this thread: its later reads (this request) must see it, so they stay on the primary. */
    static void wrote() {
        WROTE.set(true);
    }

    static boolean primaryRequired() {
        return PRIMARY.get() > 0 || WROTE.get();
    }

    static void used(Replica replica) {
        USED.set(replica);
    }

    static Replica takeUsed() {
        Replica replica = USED.get();
        USED.remove();
        return replica;
    }
}
