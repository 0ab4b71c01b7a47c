package me.wolfeo.sequences.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * HTTP load against the gateway. Closed loop: N clients, each sending its next request when the previous one is
 * answered. Open loop: requests sent at a fixed rate whatever happens, each latency measured from the time it was
 * meant to be sent, so a stall shows in the figures instead of being hidden by the load slowing down
 * (no coordinated omission).
 */
final class HttpLoad {

    private final HttpClient client;
    private final ExecutorService executor = Executors.newCachedThreadPool(daemon());

    HttpLoad() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    LoadResult closedLoop(int clients, Duration duration, Supplier<HttpRequest> requests) throws InterruptedException {
        LoadResult result = new LoadResult();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get();
                    long sent = System.nanoTime();
                    String outcome;
                    try {
                        outcome = Integer.toString(client.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode());
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    result.record(System.nanoTime() - sent, outcome);
                }
            }, "closed-loop-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        result.finish((System.nanoTime() - started) / 1e9);
        return result;
    }

    LoadResult openLoop(int perSecond, Duration duration, Supplier<HttpRequest> requests)
            throws InterruptedException {
        LoadResult result = new LoadResult();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long total = duration.toSeconds() * perSecond;
        AtomicInteger pending = new AtomicInteger();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.incrementAndGet();
            client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                result.record(System.nanoTime() - intended,
                        error == null ? Integer.toString(response.statusCode()) : error.getClass().getSimpleName());
                pending.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        result.finish(duration.toSeconds());
        return result;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "http-load");
            thread.setDaemon(true);
            return thread;
        };
    }
}
