package me.wolfeo.sequences.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One of the platform's Quarkus services, run from its packaged {@code quarkus-app}. */
final class ServiceProcess implements AutoCloseable {

    private final ChildProcess process;
    private final int port;
    private final long readyMillis;

    private ServiceProcess(ChildProcess process, int port, long readyMillis) {
        this.process = process;
        this.port = port;
        this.readyMillis = readyMillis;
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar} with the given environment and waits until its
     * readiness check passes.
     */
    static ServiceProcess start(Path root, String module, int port, Map<String, String> environment,
            Path runDirectory) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw install -DskipTests)");
        }
        long started = System.nanoTime();
        ChildProcess process = ChildProcess.startJava(module, runDirectory,
                // A small heap (each service's live data is a few tens of MB) and the serial collector keep each service
                // under 300 MB resident, also after a load. The code cache keeps
                // its default size: a smaller one makes the JIT throw away and recompile hot code (measured).
                List.of("-Xms64m", "-Xmx160m", "-XX:+UseSerialGC", "-Xss512k"),
                List.of("-jar", jar.toString()), environment, root);
        Await.until(module, Duration.ofSeconds(120), process,
                () -> Http.answers200("http://127.0.0.1:" + port + "/q/health/ready"));
        return new ServiceProcess(process, port, (System.nanoTime() - started) / 1_000_000);
    }

    String name() {
        return process.name();
    }

    int port() {
        return port;
    }

    long readyMillis() {
        return readyMillis;
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
