package me.wolfeo.sequences.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Restarts a service of the local platform that died, as a kubelet would: at most {@value #MAX_RESTARTS} times in
 * {@link #WINDOW} per service (then it stays down, and says so), each restart told in one line.
 */
final class ServiceSupervisor implements AutoCloseable {

    static final int MAX_RESTARTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Instant>> restarts = new HashMap<>();
    private final Thread watcher = new Thread(this::watch, "service-supervisor");
    private volatile boolean running = true;

    ServiceSupervisor() {
        watcher.setDaemon(true);
        watcher.start();
    }

    void watch(ServiceProcess service) {
        services.add(service);
    }

    private void watch() {
        while (running) {
            for (ServiceProcess service : services) {
                if (running && !service.isAlive()) {
                    restart(service);
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void restart(ServiceProcess service) {
        Deque<Instant> recent = restarts.computeIfAbsent(service.name(), name -> new ArrayDeque<>());
        Instant now = Instant.now();
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
            recent.removeFirst();
        }
        if (recent.size() >= MAX_RESTARTS) {
            System.out.printf("%s died again: %d restarts in %d minutes, leaving it down (see %s)%n", service.name(),
                    MAX_RESTARTS, WINDOW.toMinutes(), service.logFile());
            services.remove(service);
            return;
        }
        recent.addLast(now);
        System.out.printf("%s died; restarting it (%d of %d in %d minutes)%n", service.name(), recent.size(),
                MAX_RESTARTS, WINDOW.toMinutes());
        try {
            service.restart();
            System.out.printf("%s is back, ready in %d ms%n", service.name(), service.readyMillis());
        } catch (Exception e) {
            System.out.printf("%s did not come back: %s%n", service.name(), e.getMessage().lines().findFirst()
                    .orElse(""));
        }
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
        try {
            watcher.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
