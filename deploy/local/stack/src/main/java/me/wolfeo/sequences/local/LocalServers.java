package me.wolfeo.sequences.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real servers the tests of one JVM share: a Kafka broker and, each on first request, an S3 server, a mail
 * server (SMTP and IMAP) and an SMS sink, each on a free port with its data in a temporary directory, plus
 * PostgreSQL (the one on 127.0.0.1:5432 when it answers, otherwise an embedded one on a free port). Started on
 * first use, stopped when the JVM exits.
 */
public final class LocalServers {

    public static final String S3_ACCESS_KEY = S3Server.ACCESS_KEY;
    public static final String S3_SECRET_KEY = S3Server.SECRET_KEY;
    public static final String S3_REGION = S3Server.REGION;

    private static LocalServers shared;

    private final Path directory;
    private final Postgres postgres;
    private final KafkaBroker kafka;
    private S3Server s3;
    private MailServer mail;
    private SmsServer sms;

    private LocalServers(Path directory, Postgres postgres, KafkaBroker kafka) {
        this.directory = directory;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** The servers of this JVM, started on the first call. */
    public static synchronized LocalServers shared() {
        if (shared == null) {
            shared = startAll();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAll, "local-servers-stop"));
        }
        return shared;
    }

    private static LocalServers startAll() {
        long started = System.nanoTime();
        try {
            Path directory = Files.createTempDirectory("local-servers-");
            Postgres postgres = Postgres.ensure(directory.resolve("postgres"),
                    Ports.isListening("127.0.0.1", 5432) ? 5432 : Ports.free());
            KafkaBroker kafka = KafkaBroker.start(directory.resolve("kafka"), directory.resolve("run"), Ports.free(),
                    Ports.free());
            System.out.printf("[local-servers] Kafka on %s, PostgreSQL on 127.0.0.1:%d%s, ready in %d ms%n",
                    kafka.bootstrapServers(), postgres.port(), postgres.isEmbedded() ? " (embedded)" : "",
                    (System.nanoTime() - started) / 1_000_000);
            return new LocalServers(directory, postgres, kafka);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A JDBC URL of a database of this name, created when missing. */
    public String database(String name) {
        postgres.createDatabaseIfMissing(name);
        return postgres.jdbcUrl(name);
    }

    public String postgresUser() {
        return Postgres.USER;
    }

    /** The S3 endpoint, with the bucket created; the server starts on the first call. */
    public synchronized String s3Endpoint(String bucket) {
        try {
            if (s3 == null) {
                s3 = S3Server.start(directory.resolve("s3"), directory.resolve("run"), Ports.free(), bucket);
            } else {
                Files.createDirectories(directory.resolve("s3").resolve(bucket));
            }
            return s3.endpoint();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mail server's SMTP port on 127.0.0.1; the server starts on the first call. */
    public int smtpPort() {
        return mail().smtpPort();
    }

    /**
     * The mail server's IMAP port on 127.0.0.1, where each recipient's mail reads with the address as user and
     * password; the server starts on the first call.
     */
    public int imapPort() {
        return mail().imapPort();
    }

    /** The SMS sink's API root (Twilio's {@code https://api.twilio.com}); the server starts on the first call. */
    public synchronized String smsBaseUrl() {
        if (sms == null) {
            try {
                sms = SmsServer.start(directory.resolve("run"), Ports.free());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sms.baseUrl();
    }

    private synchronized MailServer mail() {
        if (mail == null) {
            try {
                mail = MailServer.start(directory.resolve("run"), Ports.free(), Ports.free());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mail;
    }

    private void stopAll() {
        if (sms != null) {
            sms.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (s3 != null) {
            s3.close();
        }
        kafka.close();
        try {
            postgres.close();
        } catch (IOException e) {
            // stopping anyway
        }
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the OS cleans it eventually
        }
    }
}
