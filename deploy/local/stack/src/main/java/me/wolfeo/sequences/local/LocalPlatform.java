package me.wolfeo.sequences.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: PostgreSQL, a Kafka broker, an S3 server, a mail server (SMTP and IMAP), an
 * SMS sink and the four services, with a demo account. {@code main} is the README's run command; the system tests
 * start it with free ports of their own.
 */
public final class LocalPlatform implements AutoCloseable {

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, String> startupFigures = new LinkedHashMap<>();
    private Postgres postgres;
    private KafkaBroker kafka;
    private S3Server s3;
    private MailServer mail;
    private SmsServer sms;
    private String adminKey;
    private InternalTokens internalTokens;
    private DemoAccount demoAccount;

    private LocalPlatform(Options options) {
        this.options = options;
    }

    /** The ports, folders and database names of one platform. */
    public record Options(Path root, Path dataDirectory, String databasePrefix, int gatewayPort, int sequencePort,
            int contentPort, int enrollmentPort, int kafkaPort, int kafkaControllerPort, int s3Port, int smtpPort,
            int imapPort, int smsPort, int postgresPort, Map<String, String> extraEnvironment) {

        /** The README's platform: the conventional ports, data kept in {@code .local}. */
        public static Options standard(Path root) {
            return new Options(root, root.resolve(".local"), "", 8080, 8081, 8083, 8082, 9092, 9093, 9000, 3025, 3143,
                    9100, 5432, Map.of());
        }

        /**
         * A platform of its own on free ports, for tests, with databases named {@code <prefix><service>}. Start it
         * with {@link LocalPlatform#startFresh} to begin from empty databases and an empty data folder.
         */
        public static Options isolated(Path root, Path dataDirectory, String databasePrefix) {
            int postgresPort = Ports.isListening("127.0.0.1", 5432) ? 5432 : Ports.free();
            return new Options(root, dataDirectory, databasePrefix, Ports.free(), Ports.free(), Ports.free(),
                    Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                    postgresPort, Map.of());
        }

        public Options withEnvironment(Map<String, String> environment) {
            return new Options(root, dataDirectory, databasePrefix, gatewayPort, sequencePort, contentPort,
                    enrollmentPort, kafkaPort, kafkaControllerPort, s3Port, smtpPort, imapPort, smsPort, postgresPort,
                    environment);
        }
    }

    public static void main(String[] arguments) throws Exception {
        Path root = ProjectRoot.find();
        Options options = Options.standard(root);
        if (List.of(arguments).contains("--wipe")) {
            wipe(options);
            return;
        }
        LocalPlatform platform = new LocalPlatform(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            System.out.println("Stopping the platform...");
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "local-platform-stop"));
        try {
            platform.startAll();
        } catch (Exception e) {
            System.err.println();
            System.err.println("The platform did not start: " + e.getMessage());
            System.exit(1);
        }
        platform.printSummary();
        stopped.await();
    }

    /** Wipes the platform's databases and data folder, then {@link #start starts} it. */
    public static LocalPlatform startFresh(Options options) throws Exception {
        wipe(options);
        return start(options);
    }

    /** Starts a whole platform and returns once every service is ready and the demo account exists. */
    public static LocalPlatform start(Options options) throws Exception {
        LocalPlatform platform = new LocalPlatform(options);
        try {
            platform.startAll();
            return platform;
        } catch (Exception e) {
            platform.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + options.gatewayPort();
    }

    public String adminKey() {
        return adminKey;
    }

    public String demoToken() {
        return demoAccount.token();
    }

    /**
     * The token a service sends on its calls to the others' internal APIs ({@code gateway}, {@code sequence-service},
     * {@code enrollment-service} or {@code content-service}), made anew at each start: for a test that calls an
     * internal API as that service would.
     */
    public String internalToken(String caller) {
        return internalTokens.tokenOf(caller);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public int postgresPort() {
        return postgres.port();
    }

    public String s3Endpoint() {
        return s3.endpoint();
    }

    /** The mail server's SMTP port on 127.0.0.1, where enrollment-service sends email. */
    public int smtpPort() {
        return mail.smtpPort();
    }

    /** The mail server's IMAP port on 127.0.0.1: user and password are the recipient's address. */
    public int imapPort() {
        return mail.imapPort();
    }

    /** The SMS sink's API root, where enrollment-service sends SMS; it lists them at {@code /__admin/requests}. */
    public String smsBaseUrl() {
        return sms.baseUrl();
    }

    public String serviceUrl(String module) {
        return services.stream().filter(service -> service.name().equals(module)).findFirst()
                .map(service -> "http://127.0.0.1:" + service.port())
                .orElseThrow(() -> new IllegalArgumentException("No service " + module));
    }

    /**
     * Kills a service at once, as a crash would (SIGKILL); the platform's supervisor starts it again. Wait for that
     * with {@link #awaitReady}.
     */
    public void kill(String module) {
        service(module).kill();
    }

    /** Waits until the service (restarted after a kill, say) answers its readiness check. */
    public void awaitReady(String module, java.time.Duration timeout) throws InterruptedException {
        ServiceProcess service = service(module);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (service.isAlive() && Http.answers200("http://127.0.0.1:" + service.port() + "/q/health/ready")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(module + " is not ready after " + timeout);
    }

    /** Stops the Kafka broker cleanly and starts it again at once: {@link #restartKafka(java.time.Duration)}. */
    public void restartKafka() throws IOException, InterruptedException {
        restartKafka(java.time.Duration.ZERO);
    }

    /**
     * Stops the Kafka broker cleanly (SIGTERM, waiting for it to exit), leaves it down for {@code down}, and starts
     * it again on the same port and data, returning once it answers. The services are not touched: they must find
     * it again by themselves.
     */
    public void restartKafka(java.time.Duration down) throws IOException, InterruptedException {
        kafka.restart(down);
    }

    /** Like {@link #restartKafka(java.time.Duration)}, but the broker is killed as a crash would (SIGKILL). */
    public void crashAndRestartKafka(java.time.Duration down) throws IOException, InterruptedException {
        kafka.crashAndRestart(down);
    }

    /** The process id of every server and service of the platform, by name (PostgreSQL not included). */
    public Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("kafka", kafka.process().pid());
        pids.put("s3proxy", s3.process().pid());
        pids.put("greenmail", mail.process().pid());
        pids.put("wiremock", sms.process().pid());
        services.forEach(service -> pids.put(service.name(), service.pid()));
        return pids;
    }

    private ServiceProcess service(String module) {
        return services.stream().filter(service -> service.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + module));
    }

    /** Start-up time and resident memory of each process, as measured now. */
    public Map<String, String> processFigures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("kafka", startupFigures.get("kafka") + ", " + megabytes(kafka.process().residentKilobytes()));
        figures.put("s3proxy", startupFigures.get("s3proxy") + ", " + megabytes(s3.process().residentKilobytes()));
        figures.put("greenmail", startupFigures.get("greenmail") + ", "
                + megabytes(mail.process().residentKilobytes()));
        figures.put("wiremock", startupFigures.get("wiremock") + ", " + megabytes(sms.process().residentKilobytes()));
        for (ServiceProcess service : services) {
            figures.put(service.name(), "ready in " + service.readyMillis() + " ms, "
                    + megabytes(service.residentKilobytes()));
        }
        return figures;
    }

    private void startAll() throws Exception {
        Path data = options.dataDirectory();
        Path run = data.resolve("run");
        Files.createDirectories(run);
        System.out.printf("Starting the sequences platform (data in %s)%n", data);

        postgres = step("PostgreSQL", () -> Postgres.ensure(data.resolve("postgres"), options.postgresPort()));
        started.add(postgres);
        System.out.printf("  PostgreSQL: %s server on 127.0.0.1:%d%n",
                postgres.isEmbedded() ? "embedded" : "existing", postgres.port());
        for (String service : List.of("gateway", "sequences", "content", "enrollments")) {
            postgres.createDatabaseIfMissing(database(service));
        }

        kafka = step("kafka", () -> KafkaBroker.start(data.resolve("kafka"), run, options.kafkaPort(),
                options.kafkaControllerPort()));
        started.add(kafka);
        s3 = step("s3proxy", () -> S3Server.start(data.resolve("s3"), run, options.s3Port(), "emails"));
        started.add(s3);
        mail = step("greenmail", () -> MailServer.start(run, options.smtpPort(), options.imapPort()));
        started.add(mail);
        sms = step("wiremock", () -> SmsServer.start(run, options.smsPort()));
        started.add(sms);
        adminKey = AdminKey.load(data.resolve("admin-key"));
        internalTokens = InternalTokens.generate();

        startService("sequence-service", options.sequencePort(), "sequences", Map.of(
                "QUARKUS_REST_CLIENT_CONTENT_SERVICE_URL", "http://127.0.0.1:" + options.contentPort()));
        startService("content-service", options.contentPort(), "content", Map.of(
                "QUARKUS_S3_ENDPOINT_OVERRIDE", s3.endpoint(),
                "QUARKUS_S3_AWS_REGION", S3Server.REGION,
                "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", S3Server.SECRET_KEY,
                "CONTENT_STORAGE_BUCKET", "emails",
                "CONTENT_STORAGE_PUBLIC_BASE_URL", s3.endpoint() + "/emails",
                "QUARKUS_REST_CLIENT_SEQUENCE_SERVICE_URL", "http://127.0.0.1:" + options.sequencePort()));
        startService("enrollment-service", options.enrollmentPort(), "enrollments", Map.of(
                "QUARKUS_REST_CLIENT_SEQUENCE_SERVICE_URL", "http://127.0.0.1:" + options.sequencePort(),
                "QUARKUS_REST_CLIENT_CONTENT_SERVICE_URL", "http://127.0.0.1:" + options.contentPort(),
                "ENROLLMENT_DELIVERY_SMTP_HOST", "127.0.0.1",
                "ENROLLMENT_DELIVERY_SMTP_PORT", Integer.toString(mail.smtpPort()),
                "ENROLLMENT_DELIVERY_SMS_BASE_URL", sms.baseUrl()));
        startService("gateway-service", options.gatewayPort(), "gateway", Map.of(
                "GATEWAY_ADMIN_KEY", adminKey,
                "QUARKUS_REST_CLIENT_SEQUENCE_SERVICE_URL", "http://127.0.0.1:" + options.sequencePort(),
                "QUARKUS_REST_CLIENT_ENROLLMENT_SERVICE_URL", "http://127.0.0.1:" + options.enrollmentPort(),
                "QUARKUS_REST_CLIENT_CONTENT_SERVICE_URL", "http://127.0.0.1:" + options.contentPort()));

        demoAccount = step("demo account",
                () -> DemoAccount.ensure(gatewayUrl(), adminKey, data.resolve("demo-account")));
        ServiceSupervisor supervisor = new ServiceSupervisor();
        services.forEach(supervisor::watch);
        started.add(supervisor);
    }

    private void startService(String module, int port, String databaseOwner, Map<String, String> extra)
            throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // Locally every service, the gateway included, listens on the loopback only: no other host reaches the
        // services' internal read APIs (in a cluster, NetworkPolicies do that).
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database(databaseOwner)));
        environment.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", "");
        environment.putAll(extra);
        environment.putAll(internalTokens.environmentOf(module));
        environment.putAll(options.extraEnvironment());
        ServiceProcess service = step(module,
                () -> ServiceProcess.start(options.root(), module, port, environment, options.dataDirectory()
                        .resolve("run")));
        services.add(service);
        started.add(service);
    }

    private String database(String owner) {
        return options.databasePrefix() + owner;
    }

    private <T> T step(String what, Step<T> step) throws Exception {
        System.out.printf("  starting %s...%n", what);
        long begin = System.nanoTime();
        T result = step.run();
        long millis = (System.nanoTime() - begin) / 1_000_000;
        startupFigures.put(what, "ready in " + millis + " ms");
        System.out.printf("  %s ready in %d ms%n", what, millis);
        return result;
    }

    private void printSummary() {
        String curl = "curl -s -X POST " + gatewayUrl() + "/v1/sequence -H \"Authorization: Bearer "
                + demoToken() + "\" -H \"Content-Type: application/json\" "
                + "--data '{\"name\": \"Welcome Series\", \"type\": \"normal\"}'";
        System.out.println();
        System.out.println("Processes:");
        processFigures().forEach((name, figure) -> System.out.printf("  %-20s %s%n", name, figure));
        System.out.println("Logs:        " + options.dataDirectory().resolve("run"));
        System.out.println();
        System.out.println("The sequences platform is running. Ctrl-C stops it.");
        System.out.println("  Gateway:    " + gatewayUrl());
        System.out.println("  Dashboard:  " + gatewayUrl() + "/   (sign in with the demo token)");
        System.out.println("  Swagger UI: " + gatewayUrl() + "/q/swagger-ui");
        System.out.println("  Admin key:  " + adminKey + "   (header X-Admin-Key, for " + gatewayUrl()
                + "/admin/v1)");
        System.out.println("  Demo token: " + demoToken() + "   (account " + demoAccount.accountId() + ")");
        System.out.println("  Try:        " + curl);
        System.out.println("  Mail:       IMAP 127.0.0.1:" + mail.imapPort()
                + " (user and password = the recipient address); sent over SMTP 127.0.0.1:" + mail.smtpPort());
        System.out.println("  SMS:        curl -s " + sms.baseUrl() + "/__admin/requests");
    }

    /** Drops the platform's databases and deletes its data folder. */
    private static void wipe(Options options) throws IOException {
        if (Ports.isListening("127.0.0.1", options.postgresPort())) {
            try (Postgres postgres = Postgres.ensure(options.dataDirectory().resolve("postgres"),
                    options.postgresPort())) {
                for (String service : List.of("gateway", "sequences", "content", "enrollments")) {
                    postgres.dropDatabaseIfExists(options.databasePrefix() + service);
                }
            }
        }
        if (Files.exists(options.dataDirectory())) {
            try (Stream<Path> paths = Files.walk(options.dataDirectory())) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.out.println("Wiped the platform's databases and " + options.dataDirectory());
    }

    private static String megabytes(long kilobytes) {
        return kilobytes / 1024 + " MB resident";
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("  could not stop cleanly: " + e.getMessage());
            }
        }
        started.clear();
    }

    @FunctionalInterface
    private interface Step<T> {

        T run() throws Exception;
    }

    /** The admin key of this data folder: made once at random, kept in a file readable only by its owner. */
    static final class AdminKey {

        private AdminKey() {
        }

        static String load(Path file) throws IOException {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = "adm_" + HexFormat.of().formatHex(random);
            Files.writeString(file, key);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            return key;
        }
    }
}
