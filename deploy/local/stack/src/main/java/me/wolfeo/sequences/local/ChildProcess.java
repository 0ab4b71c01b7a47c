package me.wolfeo.sequences.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server the local stack runs as a process of its own: its output goes to a log file, its pid to a pid file,
 * and it stops with SIGTERM (then SIGKILL after a grace period). It also dies with its parent (see
 * {@link ParentWatchAgent}).
 */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code java <jvmOptions> <mainArguments>} with the parent-watch agent.
     *
     * @param runDirectory where the log and pid files go ({@code <name>.log}, {@code <name>.pid})
     */
    static ChildProcess startJava(String name, Path runDirectory, List<String> jvmOptions, List<String> mainArguments,
            Map<String, String> environment, Path workingDirectory) throws IOException {
        Files.createDirectories(runDirectory);
        Path pidFile = runDirectory.resolve(name + ".pid");
        stopStaleFrom(name, pidFile);
        Path agent = AgentJar.write(runDirectory);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-javaagent:" + agent);
        command.add("-Dlocal.stack.process=" + name);
        command.addAll(jvmOptions);
        command.addAll(mainArguments);
        Path logFile = runDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // glibc gives each thread that allocates its own malloc arena of up to 64 MB; two keep a JVM's native
        // memory (JIT, Kafka clients, Netty) from growing with its thread count.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        Process process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        return new ChildProcess(name, process, logFile, pidFile);
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the tail of the log if the process has died. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + logFile
                    + System.lineSeparator() + tail(logFile, 15));
        }
    }

    long residentKilobytes() {
        return ResidentMemory.kilobytes(process.pid());
    }

    @Override
    public void close() {
        stop(process.toHandle(), name);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // the pid file is only a hint for the next start
        }
    }

    /**
     * Stops the process of this name left running in this run directory by an earlier launcher that was killed
     * before it could stop it (startJava does it too; call it first to check a port the old process held).
     */
    static void stopStale(String name, Path runDirectory) throws IOException {
        stopStaleFrom(name, runDirectory.resolve(name + ".pid"));
    }

    /** Stops a process left running by an earlier launcher that was killed before it could stop it. */
    private static void stopStaleFrom(String name, Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String content = Files.readString(pidFile).trim();
        Files.deleteIfExists(pidFile);
        Optional<ProcessHandle> stale;
        try {
            stale = ProcessHandle.of(Long.parseLong(content));
        } catch (NumberFormatException e) {
            return;
        }
        stale.filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().orElse("").contains("-Dlocal.stack.process=" + name))
                .ifPresent(handle -> {
                    System.out.printf("  stopping %s left running by an earlier start (pid %d)%n", name, handle.pid());
                    stop(handle, name);
                });
    }

    private static void stop(ProcessHandle handle, String name) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.printf("  %s did not stop in 20 s; killing it%n", name);
            handle.destroyForcibly();
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
