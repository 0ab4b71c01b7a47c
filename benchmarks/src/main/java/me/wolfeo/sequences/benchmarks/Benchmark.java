package me.wolfeo.sequences.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import me.wolfeo.sequences.local.LocalPlatform;
import me.wolfeo.sequences.local.ProjectRoot;

/**
 * The benchmark command: starts a platform of its own, measures the enroll path and bulk ingestion, measures
 * the same machine's baselines in the same run, and prints every figure with its ratio to its baselines.
 *
 * <p>
 * Options: {@code --seconds N} per load step (default 15), {@code --bulk N} commands (default 200000),
 * {@code --waiting N} enrollments waiting for the engine's dispatch figures (default 1000000), {@code --suite
 * enroll|engine|all} (default all), {@code --profile DIR}: each service records a JFR profile into DIR (one file
 * per process), to read with {@code jfr print --events jdk.ExecutionSample}.
 */
public final class Benchmark {

    private static final int[] CONCURRENCIES = {1, 8, 32, 64};
    private static final int[] RATES = {200, 500, 1000};

    private final Duration step;
    private final int bulk;
    private final int waiting;
    private final String suite;
    private final Path profiles;
    private final List<String> report = new ArrayList<>();

    private Benchmark(Duration step, int bulk, int waiting, String suite, Path profiles) {
        this.step = step;
        this.bulk = bulk;
        this.waiting = waiting;
        this.suite = suite;
        this.profiles = profiles;
    }

    public static void main(String[] arguments) throws Exception {
        int seconds = 15;
        int bulk = 200_000;
        int waiting = 1_000_000;
        String suite = "all";
        Path profiles = null;
        for (int i = 0; i < arguments.length - 1; i++) {
            switch (arguments[i]) {
                case "--seconds" -> seconds = Integer.parseInt(arguments[i + 1]);
                case "--bulk" -> bulk = Integer.parseInt(arguments[i + 1]);
                case "--waiting" -> waiting = Integer.parseInt(arguments[i + 1]);
                case "--suite" -> suite = arguments[i + 1];
                case "--profile" -> profiles = Path.of(arguments[i + 1]).toAbsolutePath();
                default -> {
                    // a value, or an option of another version: ignored
                }
            }
        }
        if (!List.of("all", "enroll", "engine").contains(suite)) {
            throw new IllegalArgumentException("--suite is all, enroll or engine");
        }
        new Benchmark(Duration.ofSeconds(seconds), bulk, waiting, suite, profiles).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path root = ProjectRoot.find();
        line("# Benchmark run of %s", LocalDateTime.now().withNano(0));
        line("");
        line("Machine: %d cores, %.1f GiB, %s %s, Java %s; load average at start %.2f.",
                Runtime.getRuntime().availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line("Command: java -jar benchmarks/target/benchmarks.jar --seconds %d --bulk %d --waiting %d --suite %s",
                step.toSeconds(), bulk, waiting, suite);
        line("");

        progress("starting a platform of its own (fresh bench_* databases, free ports)");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("GATEWAY_BENCHMARK_ECHO_ENABLED", "true");
        if (profiles != null) {
            Files.createDirectories(profiles);
            environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename=" + profiles
                    + "/");
        }
        LocalPlatform.Options options = LocalPlatform.Options
                .isolated(root, root.resolve("benchmarks/target/platform"), "bench_")
                .withEnvironment(environment);
        try (LocalPlatform platform = LocalPlatform.startFresh(options)) {
            measureIdle(platform);
            if (!suite.equals("engine")) {
                measure(platform);
            }
            if (!suite.equals("enroll")) {
                measureEngine(platform);
            }
        }
        Path file = root.resolve("benchmarks/target/benchmark-report.md");
        Files.writeString(file, String.join(System.lineSeparator(), report) + System.lineSeparator());
        System.out.println();
        report.forEach(System.out::println);
        System.out.println();
        System.out.println("The report is also in " + file);
    }

    private void measure(LocalPlatform platform) throws Exception {
        Map<String, String> startup = platform.processFigures();
        PlatformApi api = new PlatformApi(platform.gatewayUrl(), platform.adminKey());
        PlatformApi.Account first = api.newAccount("Benchmark one");
        PlatformApi.Account second = api.newAccount("Benchmark two");
        PlatformApi.Account bulkAccount = api.newAccount("Benchmark bulk");
        List<Long> firstSequences = api.newSequences(first, 25);
        List<Long> secondSequences = api.newSequences(second, 25);
        List<Long> bulkSequences = api.newSequences(bulkAccount, 25);
        EnrollTraffic traffic = new EnrollTraffic(platform.gatewayUrl(), List.of(
                new EnrollTraffic.Tenant(first.token(), firstSequences),
                new EnrollTraffic.Tenant(second.token(), secondSequences)));
        HttpLoad load = new HttpLoad();
        CpuMeter cpu = new CpuMeter(platform.processIds());
        Map<String, Map<String, Double>> cpuPerOperation = new LinkedHashMap<>();

        // The services were just started: let the JIT compile the hot paths before measuring them.
        progress("warming up the enroll path (16 clients, 30 s)");
        load.closedLoop(16, Duration.ofSeconds(30), traffic::next);

        Map<Integer, LoadResult> enroll = new LinkedHashMap<>();
        for (int clients : CONCURRENCIES) {
            progress("enroll webhook, closed loop, " + clients + " clients");
            enroll.put(clients, metered(cpu, cpuPerOperation, "enroll, " + clients + " clients",
                    () -> load.closedLoop(clients, step, traffic::next)));
            progress("  " + enroll.get(clients).summary());
        }
        Map<Integer, LoadResult> open = new LinkedHashMap<>();
        for (int rate : RATES) {
            progress("enroll webhook, open loop, " + rate + " req/s offered");
            open.put(rate, metered(cpu, cpuPerOperation, "enroll, open loop " + rate + "/s",
                    () -> load.openLoop(rate, step, traffic::next)));
            progress("  " + open.get(rate).summary());
        }

        Map<Integer, LoadResult> echo = new LinkedHashMap<>();
        try (EchoResponder responder = new EchoResponder(platform.kafkaBootstrapServers())) {
            load.closedLoop(16, Duration.ofSeconds(10), () -> api.echo(first));
            for (int clients : CONCURRENCIES) {
                progress("bare messaging hop (gateway, Kafka request-reply, echo), " + clients + " clients");
                echo.put(clients, metered(cpu, cpuPerOperation, "bare hop, " + clients + " clients",
                        () -> load.closedLoop(clients, step, () -> api.echo(first))));
                progress("  " + echo.get(clients).summary());
            }
        }

        progress("bulk ingestion: " + bulk + " enroll commands published to enrollments.commands");
        Map<String, Double> beforeBulk = cpu.snapshot();
        BulkIngestion.Result ingestion = BulkIngestion.run(platform.kafkaBootstrapServers(), bulkAccount.id(),
                bulkSequences, bulk);
        cpuPerOperation.put("bulk ingestion", CpuMeter.perOperation(beforeBulk, cpu.snapshot(),
                ingestion.enrolled()));
        progress(String.format("  %,d enrolled in %.1f s: %.0f/s", ingestion.enrolled(), ingestion.totalSeconds(),
                ingestion.perSecond()));

        String jdbcUrl = database(platform, "bench_jdbc_baseline", null);
        JdbcBaseline jdbc = new JdbcBaseline(jdbcUrl);
        Map<Integer, LoadResult> transactions = new LinkedHashMap<>();
        for (int clients : CONCURRENCIES) {
            progress("plain JDBC, one transaction per enrollment, " + clients + " connections");
            transactions.put(clients, metered(cpu, cpuPerOperation, "plain JDBC tx, " + clients + " connections",
                    () -> jdbc.transactions(clients, step)));
            progress("  " + transactions.get(clients).summary());
        }
        progress("plain JDBC, batches of 1,000 enrollments per transaction");
        Map<String, Double> beforeBatched = cpu.snapshot();
        double batched = jdbc.batched(bulk, 1000);
        cpuPerOperation.put("plain JDBC, batches of 1,000", CpuMeter.perOperation(beforeBatched, cpu.snapshot(),
                bulk));
        jdbc.close();
        progress(String.format("  %.0f/s", batched));

        progress("raw Kafka: produce then consume " + bulk + " messages of an enroll command's size");
        Map<String, Double> beforeKafka = cpu.snapshot();
        KafkaBaseline.Rates kafka = KafkaBaseline.measure(platform.kafkaBootstrapServers(), bulk,
                traffic.typicalBytes() + 120);
        cpuPerOperation.put("raw Kafka, produce and consume", CpuMeter.perOperation(beforeKafka, cpu.snapshot(),
                bulk));
        progress(String.format("  produce %.0f/s (last acknowledgement after %.1f s; %d not acknowledged%s), "
                + "consume %.0f/s", kafka.producedPerSecond(), kafka.lastAckSeconds(), kafka.failed(),
                kafka.firstFailure() == null ? "" : ", first: " + kafka.firstFailure(), kafka.consumedPerSecond()));

        Map<String, String> after = platform.processFigures();
        report(enroll, open, echo, transactions, ingestion, batched, kafka, startup, after);
        reportCpu(cpuPerOperation);
    }

    /**
     * The CPU the platform uses doing nothing, after start-up has settled: what its consumers, relays and claim loops
     * cost by polling. In percent of one core, by process.
     */
    private void measureIdle(LocalPlatform platform) throws Exception {
        progress("idle platform: settling 15 s, then measuring 30 s");
        Thread.sleep(15_000);
        CpuMeter cpu = new CpuMeter(platform.processIds());
        Map<String, Double> before = cpu.snapshot();
        long started = System.nanoTime();
        Thread.sleep(30_000);
        double elapsedMillis = (System.nanoTime() - started) / 1e6;
        // CPU milliseconds per elapsed millisecond, times 100: percent of one core.
        Map<String, Double> percent = CpuMeter.perOperation(before, cpu.snapshot(), 1);
        percent.replaceAll((name, millis) -> 100 * millis / elapsedMillis);
        percent.remove("total");
        percent.remove("load generator");
        double total = percent.values().stream().mapToDouble(Double::doubleValue).sum();
        progress(String.format("  %.1f%% of a core in total: %s", total, CpuMeter.describe(percent)));
        line("## Idle platform");
        line("");
        line("CPU over 30 s with no traffic, after start-up settled, in percent of one core: %s; **%.1f%% in total**.",
                CpuMeter.describe(percent), total);
        line("");
        line("- idle platform < 5%% of a core: %.1f%% %s", total, total < 5 ? "(met)" : "(not met)");
        line("");
    }

    @FunctionalInterface
    private interface Measurement {

        LoadResult run() throws Exception;
    }

    /** Runs one load step and keeps the CPU each process used per operation of it. */
    private static LoadResult metered(CpuMeter cpu, Map<String, Map<String, Double>> into, String label,
            Measurement measurement) throws Exception {
        Map<String, Double> before = cpu.snapshot();
        LoadResult result = measurement.run();
        into.put(label, CpuMeter.perOperation(before, cpu.snapshot(), Math.max(1, result.count())));
        return result;
    }

    /** Per operation of each step of the run, the CPU milliseconds of every process (from /proc) and in total. */
    private void reportCpu(Map<String, Map<String, Double>> cpuPerOperation) {
        line("## CPU milliseconds per operation, by process (from /proc)");
        line("");
        line("An operation is one request (enroll, echo), one JDBC transaction or enrollment, one bulk enrollment, one "
                + "raw Kafka message produced and consumed. PostgreSQL is the sum of its processes.");
        line("");
        line("| step | per process | total |");
        line("|---|---|---|");
        cpuPerOperation.forEach((label, perProcess) -> {
            Map<String, Double> processes = new LinkedHashMap<>(perProcess);
            Double total = processes.remove("total");
            line("| %s | %s | **%.2f** |", label, CpuMeter.describe(processes), total);
        });
        line("");
        double perEnroll = cpuPerOperation.get("enroll, 32 clients").get("total");
        line("- total CPU per enroll at 32 clients <= 3 ms: %.2f ms %s", perEnroll,
                perEnroll <= 3 ? "(met)" : "(not met)");
        line("");
    }

    /** The engine's dispatch rate at few and at many waiting enrollments, email steps, and the plain-SQL baseline. */
    private void measureEngine(LocalPlatform platform) throws Exception {
        PlatformApi api = new PlatformApi(platform.gatewayUrl(), platform.adminKey());
        PlatformApi.Account account = api.newAccount("Benchmark engine");
        long actions = api.newSequences(account, 1).get(0);
        long actionStage = api.activeStage(account, actions, "action");
        long emails = api.newSequences(account, 1).get(0);
        long emailStage = api.activeStage(account, emails, "send_email");
        long scheduled = api.newSequences(account, 1).get(0);
        long scheduledStage = api.activeStage(account, scheduled, "action");
        String zone = BusinessHoursZone.openNow();
        api.schedule(account, scheduled, "{\"days\": \"business_days\", \"holidays\": {\"country\": \"US\"}, "
                + "\"window\": {\"open\": \"09:00\", \"close\": \"17:00\"}, \"timezone\": \"" + zone + "\"}");
        EngineDispatch engine = new EngineDispatch(database(platform, null, "enrollments"), account.id());
        engine.awaitStage(actionStage);
        engine.awaitStage(emailStage);
        engine.awaitStage(scheduledStage);
        engine.awaitSchedule(scheduled);

        CpuMeter cpu = new CpuMeter(platform.processIds());
        // The service was just started: let the JIT compile the engine's path before measuring it.
        progress("engine: warming up (20,000 action steps, not measured)");
        engine.dispatch(actions, actionStage, 20_000, 0, null);
        int few = Math.min(10_000, waiting);
        int dueAtFew = 50_000;
        int dueAtMany = 100_000;
        progress(String.format("engine: %,d enrollments waiting, %,d action steps due now", few, dueAtFew));
        engine.seedWaiting(actions, actionStage, few);
        Map<String, Double> before = cpu.snapshot();
        EngineDispatch.Result atFew = engine.dispatch(actions, actionStage, dueAtFew, few, null);
        Map<String, Double> cpuAtFew = CpuMeter.perOperation(before, cpu.snapshot(), dueAtFew);
        progress(String.format("  %.0f steps/s recorded, %.0f/s with their events out; CPU ms per step: %s",
                atFew.perSecondRecorded(), atFew.perSecondOut(), CpuMeter.describe(cpuAtFew)));
        progress(String.format("engine: %,d enrollments waiting, %,d action steps due now", waiting, dueAtMany));
        engine.seedWaiting(actions, actionStage, waiting - few);
        before = cpu.snapshot();
        EngineDispatch.Result atMany = engine.dispatch(actions, actionStage, dueAtMany, waiting, null);
        Map<String, Double> cpuAtMany = CpuMeter.perOperation(before, cpu.snapshot(), dueAtMany);
        progress(String.format("  %.0f steps/s recorded, %.0f/s with their events out; CPU ms per step: %s",
                atMany.perSecondRecorded(), atMany.perSecondOut(), CpuMeter.describe(cpuAtMany)));
        progress(String.format("engine: %,d action steps due now on business days 09:00-17:00 in %s, US holidays off",
                dueAtMany, zone));
        before = cpu.snapshot();
        EngineDispatch.Result withSchedule = engine.dispatch(scheduled, scheduledStage, dueAtMany, waiting, null);
        Map<String, Double> cpuWithSchedule = CpuMeter.perOperation(before, cpu.snapshot(), dueAtMany);
        progress(String.format("  %.0f steps/s recorded, %.0f/s with their events out (%,d moved by the schedule); "
                + "CPU ms per step: %s", withSchedule.perSecondRecorded(), withSchedule.perSecondOut(),
                withSchedule.held(), CpuMeter.describe(cpuWithSchedule)));
        int emailSteps = 2_000;
        progress(String.format("engine: %,d email steps due now, sent to the local SMTP server", emailSteps));
        before = cpu.snapshot();
        EngineDispatch.Result email = engine.dispatch(emails, emailStage, emailSteps, waiting, "bench.example.com");
        Map<String, Double> cpuEmail = CpuMeter.perOperation(before, cpu.snapshot(), emailSteps);
        progress(String.format("  %.0f steps/s; CPU ms per step: %s", email.perSecondRecorded(),
                CpuMeter.describe(cpuEmail)));
        progress(String.format("plain SQL claim loop: %,d waiting, %,d due", waiting, dueAtMany));
        double baseline = EngineDispatch.plainSqlClaimLoop(database(platform, "bench_claim_baseline", null),
                waiting, dueAtMany);
        progress(String.format("  %.0f rows/s", baseline));

        line("## Sequence engine: due steps dispatched");
        line("");
        line("Enrollments waiting for an `action` stage (due times spread over a week) and a batch due now, written "
                + "straight into enrollment-service's database; timed from the commit that makes them due until "
                + "every step is recorded, and until every event it wrote (`action.triggered`, the step's one event) has "
                + "left the outbox for Kafka.");
        line("");
        line("| waiting | due now | steps recorded | with events out | vs plain SQL claim loop |");
        line("|---|---|---|---|---|");
        for (EngineDispatch.Result result : List.of(atFew, atMany)) {
            line("| %,d | %,d | %.0f/s | %.0f/s | %.0f%% |", result.waiting(), result.due(),
                    result.perSecondRecorded(), result.perSecondOut(), 100 * result.perSecondOut() / baseline);
        }
        line("| %,d, business days 09:00-17:00 in %s, US holidays off | %,d (%,d moved by the schedule) | %.0f/s "
                + "| %.0f/s | %.0f%% |", withSchedule.waiting(), zone, withSchedule.due(), withSchedule.held(),
                withSchedule.perSecondRecorded(), withSchedule.perSecondOut(),
                100 * withSchedule.perSecondOut() / baseline);
        line("");
        line("");
        line("CPU milliseconds per step, by process (from /proc): at %,d waiting: %s; at %,d waiting: %s; with the "
                + "schedule: %s.", few, CpuMeter.describe(cpuAtFew), waiting, CpuMeter.describe(cpuAtMany),
                CpuMeter.describe(cpuWithSchedule));
        line("");
        line("Plain SQL claim loop (two loops, batches of 500 deleted per statement, %,d waiting, %,d due): "
                + "%.0f rows/s.", waiting, dueAtMany, baseline);
        line("Email steps (content from content-service, SMTP to the local GreenMail server): %,d in %.1f s, "
                + "**%.0f steps/s**; CPU ms per step: %s.", emailSteps, email.recordedSeconds(),
                email.perSecondRecorded(), CpuMeter.describe(cpuEmail));
        line("");
        target("due action steps dispatched (events out) at " + String.format("%,d", waiting)
                + " waiting >= 10,000/s", atMany.perSecondOut(), 10_000, "/s");
        line("- dispatch flat in the number waiting: %.0f/s at %,d waiting, %.0f/s at %,d", atFew.perSecondOut(),
                few, atMany.perSecondOut(), waiting);
        line("- the schedule costs little: %.0f/s with business-day windows and holidays on, %.0f/s without (%.0f%%)",
                withSchedule.perSecondOut(), atMany.perSecondOut(),
                100 * withSchedule.perSecondOut() / atMany.perSecondOut());
        line("");
    }

    private void report(Map<Integer, LoadResult> enroll, Map<Integer, LoadResult> open, Map<Integer, LoadResult> echo,
            Map<Integer, LoadResult> transactions, BulkIngestion.Result ingestion, double batched,
            KafkaBaseline.Rates kafka, Map<String, String> startup, Map<String, String> after) {
        line("## Enroll webhook, closed loop (HTTP, gateway, Kafka, enrollment-service, PostgreSQL, reply)");
        line("");
        line("| clients | platform | plain JDBC tx | bare hop | vs JDBC | vs hop | p50 | p95 | p99 | max | answers |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int clients : CONCURRENCIES) {
            LoadResult platform = enroll.get(clients);
            LoadResult baseline = transactions.get(clients);
            LoadResult hop = echo.get(clients);
            line("| %d | %.0f/s | %.0f/s | %.0f/s | %.0f%% | %.0f%% | %.1f | %.1f | %.1f | %.1f ms | %s |", clients,
                    platform.perSecond(), baseline.perSecond(), hop.perSecond(),
                    100 * platform.perSecond() / baseline.perSecond(), 100 * platform.perSecond() / hop.perSecond(),
                    platform.percentileMillis(50), platform.percentileMillis(95), platform.percentileMillis(99),
                    platform.maxMillis(), platform.outcomes());
        }
        line("");
        line("## Enroll webhook, open loop (latency from the intended send time)");
        line("");
        line("| offered | achieved | p50 | p95 | p99 | max | answers |");
        line("|---|---|---|---|---|---|---|");
        for (int rate : RATES) {
            LoadResult result = open.get(rate);
            line("| %d/s | %.0f/s | %.1f | %.1f | %.1f | %.1f ms | %s |", rate, result.perSecond(),
                    result.percentileMillis(50), result.percentileMillis(95), result.percentileMillis(99),
                    result.maxMillis(), result.outcomes());
        }
        line("");
        line("## Bulk ingestion from internal systems");
        line("");
        line("%,d commands published in %.1f s; %,d persisted with their event out after %.1f s: **%.0f/s**; "
                + "plain JDBC batched %.0f/s (%.0f%%); raw Kafka produce %.0f/s, consume %.0f/s (%.0f%% of consume).",
                ingestion.commands(), ingestion.publishSeconds(), ingestion.enrolled(), ingestion.totalSeconds(),
                ingestion.perSecond(), batched, 100 * ingestion.perSecond() / batched, kafka.producedPerSecond(),
                kafka.consumedPerSecond(), 100 * ingestion.perSecond() / kafka.consumedPerSecond());
        line("");
        line("## Processes");
        line("");
        line("| process | at start | after the run |");
        line("|---|---|---|");
        startup.forEach((name, figure) -> line("| %s | %s | %s |", name, figure, after.get(name)));
        line("");
        line("## Targets");
        line("");
        LoadResult at32 = enroll.get(32);
        LoadResult at500 = open.get(500);
        // 503 is the gateway shedding what it cannot take at once: answered, not lost.
        long lost = enroll.values().stream().mapToLong(r -> r.failures("200", "400", "503")).sum()
                + open.values().stream().mapToLong(r -> r.failures("200", "400", "503")).sum();
        long shed = open.values().stream().mapToLong(r -> r.outcomes().getOrDefault("503", 0L)).sum();
        double ceiling = 1 / (1 / transactions.get(32).perSecond() + 1 / echo.get(32).perSecond());
        target("enroll at 32 clients >= 50% of the CPU-additive ceiling 1/(1/jdbc + 1/hop) = "
                + String.format("%.0f/s", ceiling), 100 * at32.perSecond() / ceiling, 50, "%");
        LoadResult one = enroll.get(1);
        double oneClientGoal = echo.get(1).percentileMillis(50) + transactions.get(1).percentileMillis(50) + 2;
        line("- enroll p50 at 1 client <= hop p50 + JDBC p50 + 2 ms = %.1f ms: %.1f ms %s", oneClientGoal,
                one.percentileMillis(50), one.percentileMillis(50) <= oneClientGoal ? "(met)" : "(not met)");
        line("- p99 at 500 req/s offered < 50 ms: %.1f ms %s", at500.percentileMillis(99),
                at500.percentileMillis(99) < 50 ? "(met)" : "(not met)");
        line("- requests lost or timed out: %d %s (shed with 503 in the open loop: %d)", lost,
                lost == 0 ? "(met)" : "(not met)", shed);
        target("bulk ingestion >= 50% of batched plain JDBC", 100 * ingestion.perSecond() / batched, 50, "%");
        line("");
    }

    private void target(String what, double value, double goal, String unit) {
        line("- %s: %.0f%s %s", what, value, unit, value >= goal ? "(met)" : "(not met)");
    }

    /** A fresh database of this name, or (name null) the URL of the platform's own database of that service. */
    private static String database(LocalPlatform platform, String name, String service) throws Exception {
        String base = "jdbc:postgresql://127.0.0.1:" + platform.postgresPort() + "/";
        if (name == null) {
            return base + "bench_" + service;
        }
        try (Connection connection = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return base + name;
    }

    private void line(String format, Object... values) {
        report.add(values.length == 0 ? format : String.format(format, values));
    }

    private static void progress(String message) {
        System.out.printf("[%s] %s%n", LocalDateTime.now().toLocalTime().withNano(0), message);
    }
}
