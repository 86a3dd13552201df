package io.roamdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's HTTP client, run in its own JVM (started by {@link BenchmarkTest}) so that its
 * allocations, GC pauses and threads do not show up in the server's latencies. It reads a plan
 * file (header lines, then one request per line: METHOD URL [BODY]) and prints one result line.
 *
 * <p>Modes: {@code latency WARMUP PLAN} sends the requests one after another, the first WARMUP of
 * them unmeasured; {@code load THREADS SECONDS PER_REQUEST WARMUP_SECONDS PLAN} cycles through the
 * requests from THREADS threads, first for WARMUP_SECONDS unmeasured (the server's compiler is still
 * busy with the path at first, and this JVM's too), then for SECONDS, and reports throughput in items
 * per second of the measured window.
 */
public final class HttpProbe {

    private HttpProbe() {
    }

    record Request(String method, String url, String body) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        List<Request> requests = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[args.length - 1]))) {
            if (line.startsWith("H ")) {
                String[] kv = line.substring(2).split(": ", 2);
                headers.put(kv[0], kv[1]);
            } else if (!line.isBlank()) {
                String[] parts = line.split(" ", 3);
                requests.add(new Request(parts[0], parts[1], parts.length > 2 ? parts[2] : null));
            }
        }
        Latencies latencies = new Latencies();
        if (args[0].equals("latency")) {
            int warmup = Integer.parseInt(args[1]);
            for (int i = 0; i < requests.size(); i++) {
                long start = System.nanoTime();
                call(requests.get(i), headers);
                if (i >= warmup) {
                    latencies.record(System.nanoTime() - start);
                }
            }
            System.out.println("RESULT " + latencies.row() + " | " + latencies.count());
        } else {
            int threads = Integer.parseInt(args[1]);
            long seconds = Long.parseLong(args[2]);
            int perRequest = Integer.parseInt(args[3]);
            long warmup = Long.parseLong(args[4]);
            AtomicLong next = new AtomicLong();
            AtomicLong items = new AtomicLong();
            long measured = System.nanoTime() + warmup * 1_000_000_000L;
            long end = measured + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        Request r = requests.get((int) (next.getAndIncrement() % requests.size()));
                        long start = System.nanoTime();
                        call(r, headers);
                        if (start >= measured) {
                            latencies.record(System.nanoTime() - start);
                            items.addAndGet(perRequest);
                        }
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> w : workers) {
                    w.get();
                }
            } finally {
                // a failed request ends the probe (and its JVM) instead of leaving the other workers running
                pool.shutdownNow();
            }
            System.out.println("RESULT " + latencies.row() + " | " + latencies.count() + " | " + (items.get() / (double) seconds));
        }
    }

    private static void call(Request r, Map<String, String> headers) throws IOException {
        BenchHttp.Response response = BenchHttp.call(r.method(), r.url(), headers, r.body());
        if (response.status() != 200) {
            throw new IllegalStateException(r.method() + " " + r.url() + " -> " + response.status() + " " + response.body());
        }
    }
}
