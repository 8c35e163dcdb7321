package io.covenant.bench;

import java.util.Arrays;

/** Percentiles of measured durations, in milliseconds. */
public record Latency(String name, double p50, double p95, double p99, int samples) {

    public interface Call {

        void run() throws Exception;
    }

    public static Latency measure(String name, int warmup, int samples, Call call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Latency(name, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), samples);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1_000_000.0;
    }

    String row(double baselineMs, Latency sql) {
        return "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f | %.1fx |"
                .formatted(name, p50, p95, p99, sql.p50, sql.p95, baselineMs, baselineMs / p95);
    }
}
