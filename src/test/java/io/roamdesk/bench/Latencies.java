package io.roamdesk.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Times a repeated action into an HdrHistogram and reports p50 / p99 / max in milliseconds. */
final class Latencies {

    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);

    static Latencies of(int warmup, int runs, ThrowingRunnable action) throws Exception {
        Latencies l = new Latencies();
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            l.record(System.nanoTime() - start);
        }
        return l;
    }

    synchronized void record(long nanos) {
        histogram.recordValue(Math.max(1, nanos));
    }

    double p50() {
        return ms(histogram.getValueAtPercentile(50));
    }

    double p99() {
        return ms(histogram.getValueAtPercentile(99));
    }

    double max() {
        return ms(histogram.getMaxValue());
    }

    long count() {
        return histogram.getTotalCount();
    }

    String row() {
        return String.format("%.2f | %.2f | %.2f", p50(), p99(), max());
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
