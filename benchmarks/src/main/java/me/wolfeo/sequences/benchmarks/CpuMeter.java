package me.wolfeo.sequences.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each process of the platform, read from {@code /proc/<pid>/stat} (user + system time, in clock
 * ticks of 10 ms): on a shared, noisy machine the CPU an operation costs stays put where its rate does not.
 * PostgreSQL is the sum of its {@code postgres} processes (its backends come and go); the load generator is this
 * JVM.
 */
final class CpuMeter {

    private static final double MILLIS_PER_TICK = 10.0;

    private final Map<String, Long> pids;

    CpuMeter(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** CPU used so far: milliseconds by process name, and each PostgreSQL process's own (key {@code pg:<pid>}). */
    Map<String, Double> snapshot() {
        Map<String, Double> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> used.put(name, ticks(Path.of("/proc", Long.toString(pid), "stat"))
                * MILLIS_PER_TICK));
        used.put("load generator", ticks(Path.of("/proc/self/stat")) * MILLIS_PER_TICK);
        postgresTicks().forEach((pid, ticks) -> used.put("pg:" + pid, ticks * MILLIS_PER_TICK));
        return used;
    }

    /** CPU milliseconds per operation of each process between two snapshots, and their total. */
    static Map<String, Double> perOperation(Map<String, Double> before, Map<String, Double> after, long operations) {
        Map<String, Double> per = new LinkedHashMap<>();
        double total = 0;
        double postgres = 0;
        // A PostgreSQL backend that exited between the snapshots takes its CPU with it: only the processes alive at
        // both ends (and those started between them) count, so the figure is never negative.
        for (Map.Entry<String, Double> entry : after.entrySet()) {
            double used = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
            if (entry.getKey().startsWith("pg:")) {
                postgres += used;
            } else {
                per.put(entry.getKey(), used / operations);
            }
            total += used;
        }
        per.put("postgresql", postgres / operations);
        per.put("total", total / operations);
        return per;
    }

    /** One line: {@code gateway-service 0.41, enrollment-service 1.20, ... total 2.9} (ms per operation). */
    static String describe(Map<String, Double> perOperation) {
        StringBuilder line = new StringBuilder();
        perOperation.forEach((name, millis) -> {
            if (millis >= 0.005 || name.equals("total")) {
                line.append(line.isEmpty() ? "" : ", ").append(name).append(' ')
                        .append(String.format("%.2f", millis));
            }
        });
        return line.toString();
    }

    private static Map<String, Long> postgresTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && isPostgres(process)) {
                    ticks.put(name, ticks(process.resolve("stat")));
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    /** utime + stime of a stat file; the command name (field 2) may hold spaces, so fields count from its ')'. */
    private static long ticks(Path stat) {
        try {
            String content = Files.readString(stat);
            String[] fields = content.substring(content.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
