package me.wolfeo.sequences.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Enrolls new contacts through the public webhook from a few client threads, as a careful API client does: each
 * contact's request carries an {@code Idempotency-Key} of its own and is sent again, with the same key and body,
 * after any answer that is not final (a 5xx, a time-out, a failed connection), until it gets a final one (a 2xx
 * or a 4xx) or the load's time limit passes.
 */
final class EnrollLoad implements AutoCloseable {

    /** Longer than the gateway's own limit (10 s): a client time-out means the gateway broke its promise. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    /** The retry cause of an attempt not answered within {@link #REQUEST_TIMEOUT}. */
    static final String CLIENT_TIME_OUT = "client time-out";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI webhook;
    private final String token;
    private final long sequenceId;
    private final String run;
    private final int contacts;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final AtomicInteger nextContact = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final Queue<Enrollment> enrollments = new ConcurrentLinkedQueue<>();
    private final Queue<Long> acknowledgedAtNanos = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> retriesByCause = new ConcurrentHashMap<>();
    private final AtomicLong longestAttemptNanos = new AtomicLong();
    private final ExecutorService clients;
    private final List<Future<?>> workers = new ArrayList<>();

    private EnrollLoad(String gatewayUrl, Platform.Account account, long sequenceId, String run, int contacts,
            int clients, Duration limit) {
        this.webhook = URI.create(gatewayUrl + "/api/v1/webhook/sequence-enroll");
        this.token = account.token();
        this.sequenceId = sequenceId;
        this.run = run;
        this.contacts = contacts;
        this.deadlineNanos = startNanos + limit.toNanos();
        this.clients = Executors.newFixedThreadPool(clients, task -> {
            Thread thread = new Thread(task, "enroll-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the clients; the contacts are {@code <run>-0} .. {@code <run>-<contacts - 1>}, all new. */
    static EnrollLoad start(String gatewayUrl, Platform.Account account, long sequenceId, String run, int contacts,
            int clients, Duration limit) {
        EnrollLoad load = new EnrollLoad(gatewayUrl, account, sequenceId, run, contacts, clients, limit);
        for (int i = 0; i < clients; i++) {
            load.workers.add(load.clients.submit(load::enrollUntilNoneLeft));
        }
        return load;
    }

    /** The address a contact of this load is enrolled with, which the contact listing shows. */
    private static String email(String run, int contact) {
        return run + "-" + contact + "@example.com";
    }

    /** Waits until this many enrollments were acknowledged (200); false if not within the timeout. */
    boolean awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Waits for every contact's final answer (or the load's time limit) and tells how the load went. */
    Outcome finish() throws InterruptedException {
        clients.shutdown();
        long wait = deadlineNanos - System.nanoTime() + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
        if (!clients.awaitTermination(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
            clients.shutdownNow();
        }
        for (Future<?> worker : workers) {
            if (worker.isDone() && !worker.isCancelled()) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("An enroll client failed", e.getCause());
                }
            }
        }
        Map<String, Integer> retries = new TreeMap<>();
        retriesByCause.forEach((cause, count) -> retries.put(cause, count.get()));
        return new Outcome(contacts, List.copyOf(enrollments), retries, startNanos,
                acknowledgedAtNanos.stream().sorted().toList(), Duration.ofNanos(longestAttemptNanos.get()));
    }

    /** Stops the clients at once, whatever they are doing (after {@link #finish()}, there is nothing left). */
    @Override
    public void close() {
        clients.shutdownNow();
    }

    private void enrollUntilNoneLeft() {
        for (int contact = nextContact.getAndIncrement(); contact < contacts; contact = nextContact
                .getAndIncrement()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            enrollments.add(enroll(contact));
        }
    }

    private Enrollment enroll(int contact) {
        String id = run + "-" + contact;
        String body = "{\"api_token\": \"" + token + "\", \"sequence_id\": " + sequenceId
                + ", \"source\": \"hubspot\", \"id\": \"" + id + "\", \"email\": \"" + email(run, contact) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "enroll-" + id)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long firstSent = System.nanoTime();
        for (int attempt = 1;; attempt++) {
            long sent = System.nanoTime();
            String cause;
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                longestAttemptNanos.accumulateAndGet(System.nanoTime() - sent, Math::max);
                int status = answer.statusCode();
                if (status / 100 == 2 || status / 100 == 4) {
                    long answered = System.nanoTime();
                    if (status == 200) {
                        acknowledged.incrementAndGet();
                        acknowledgedAtNanos.add(answered);
                    }
                    return new Enrollment(email(run, contact), status, answer.body(), attempt,
                            Duration.ofNanos(answered - firstSent));
                }
                cause = Integer.toString(status);
            } catch (HttpTimeoutException e) {
                longestAttemptNanos.accumulateAndGet(System.nanoTime() - sent, Math::max);
                cause = CLIENT_TIME_OUT;
            } catch (IOException e) {
                cause = "connection error";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Enrollment.unanswered(email(run, contact), attempt, Duration.ofNanos(System.nanoTime()
                        - firstSent));
            }
            retriesByCause.computeIfAbsent(cause, key -> new AtomicInteger()).incrementAndGet();
            if (System.nanoTime() + RETRY_PAUSE.toNanos() > deadlineNanos || !pause()) {
                return Enrollment.unanswered(email(run, contact), attempt, Duration.ofNanos(System.nanoTime()
                        - firstSent));
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * One contact's enrollment as its client saw it: the final answer (status 0: none before the time limit), the
     * attempts it took, and the time from the first attempt to the final answer.
     */
    record Enrollment(String email, int status, String body, int attempts, Duration took) {

        static Enrollment unanswered(String email, int attempts, Duration took) {
            return new Enrollment(email, 0, null, attempts, took);
        }
    }

    /**
     * The whole load: every contact's enrollment, the retries by cause (a status or a client-side failure), when
     * each 200 came ({@link System#nanoTime()}, in order), and the longest single attempt.
     */
    record Outcome(int contacts, List<Enrollment> enrollments, Map<String, Integer> retriesByCause,
            long startNanos, List<Long> acknowledgedAtNanos, Duration longestAttempt) {

        /** The longest time, from the load's start to its last 200, in which no enrollment was acknowledged. */
        Duration longestSilence() {
            long previous = startNanos;
            long longest = 0;
            for (long instant : acknowledgedAtNanos) {
                longest = Math.max(longest, instant - previous);
                previous = instant;
            }
            return Duration.ofNanos(longest);
        }

        /** "2.5 s": how long after this instant ({@link System#nanoTime()}) the next enrollment was acknowledged. */
        String firstAcknowledgementAfter(long nanos) {
            return acknowledgedAtNanos.stream().filter(instant -> instant >= nanos).findFirst()
                    .map(instant -> String.format("%.1f s", (instant - nanos) / 1e9)).orElse("(none)");
        }

        Set<String> acknowledgedEmails() {
            return enrollments.stream().filter(enrollment -> enrollment.status() == 200).map(Enrollment::email)
                    .collect(Collectors.toSet());
        }

        /** The final answers other than 200: refusals (4xx) and contacts without a final answer. */
        List<Enrollment> notAcknowledged() {
            return enrollments.stream().filter(enrollment -> enrollment.status() != 200).toList();
        }

        int refused() {
            return (int) enrollments.stream().filter(enrollment -> enrollment.status() / 100 == 4).count();
        }

        int unanswered() {
            return contacts - (int) enrollments.stream().filter(enrollment -> enrollment.status() != 0).count();
        }

        int retries() {
            return retriesByCause.values().stream().mapToInt(Integer::intValue).sum();
        }

        Enrollment slowest() {
            return enrollments.stream().max(Comparator.comparing(Enrollment::took)).orElseThrow();
        }

        /** "24 retries (503: 8, 504: 16)". */
        String retriesDescription() {
            return retries() + " retries" + (retriesByCause.isEmpty()
                    ? ""
                    : retriesByCause.entrySet().stream()
                            .map(entry -> entry.getKey() + ": " + entry.getValue())
                            .collect(Collectors.joining(", ", " (", ")")));
        }
    }
}
