package io.covenant.shared.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Background threads with a name, that never keep the JVM alive on their own. */
public final class DaemonThreads {

    private DaemonThreads() {}

    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public static ExecutorService pool(String name, int size) {
        return Executors.newFixedThreadPool(size, named(name));
    }
}
