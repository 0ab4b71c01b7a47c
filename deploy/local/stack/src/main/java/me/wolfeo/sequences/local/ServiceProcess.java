package me.wolfeo.sequences.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One of the platform's Quarkus services, run from its packaged {@code quarkus-app}; started again, with the same
 * settings, by {@link #restart()} after it died.
 */
final class ServiceProcess implements AutoCloseable {

    private final Path root;
    private final String module;
    private final int port;
    private final Map<String, String> environment;
    private final Path runDirectory;
    private volatile ChildProcess process;
    private volatile long readyMillis;

    private ServiceProcess(Path root, String module, int port, Map<String, String> environment, Path runDirectory) {
        this.root = root;
        this.module = module;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.runDirectory = runDirectory;
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar} with the given environment and waits until its
     * readiness check passes.
     */
    static ServiceProcess start(Path root, String module, int port, Map<String, String> environment,
            Path runDirectory) throws IOException {
        ServiceProcess service = new ServiceProcess(root, module, port, environment, runDirectory);
        service.launch();
        return service;
    }

    /** Starts the service again after it died, and waits until it is ready. */
    void restart() throws IOException {
        launch();
    }

    private void launch() throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw install -DskipTests)");
        }
        long started = System.nanoTime();
        ChildProcess child = ChildProcess.startJava(module, runDirectory,
                // A small heap (each service's live data is a few tens of MB) and the serial collector keep each service
                // under 300 MB resident, also after a load; so does handing the native memory the JIT and the clients
                // freed back to the system every 10 s (a load leaves tens of MB of it otherwise: measured 53 MB in
                // enrollment-service). The code cache keeps its default size: a smaller one makes the JIT throw away
                // and recompile hot code (measured).
                List.of("-Xms64m", "-Xmx160m", "-XX:+UseSerialGC", "-Xss512k", "-XX:+UnlockExperimentalVMOptions",
                        "-XX:TrimNativeHeapInterval=10000"),
                List.of("-jar", jar.toString()), environment, root);
        process = child;
        Await.until(module, Duration.ofSeconds(120), child,
                () -> Http.answers200("http://127.0.0.1:" + port + "/q/health/ready"));
        readyMillis = (System.nanoTime() - started) / 1_000_000;
    }

    String name() {
        return module;
    }

    int port() {
        return port;
    }

    long readyMillis() {
        return readyMillis;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process at once, as a crash would (SIGKILL): no shutdown hook, no clean close. */
    void kill() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }

    long residentKilobytes() {
        return process.residentKilobytes();
    }

    Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        process.close();
    }
}
