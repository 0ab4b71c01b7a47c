package me.wolfeo.sequences.local;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at the JVM's shared real servers ({@link LocalServers}).
 *
 * <p>
 * Arguments: {@code database} (required), the PostgreSQL database of the service under test, created when
 * missing; {@code s3-bucket} (optional), to start the S3 server with that bucket and configure the Quarkus S3
 * client for it; {@code own-url-properties} (optional), a comma-separated list of URL properties to point at the
 * application under test itself, for tests that serve another service's read API from a test resource class;
 * {@code delivery} (optional, {@code true}), to start the mail server and the SMS sink and point
 * enrollment-service's delivery settings at them (read what they received with {@code testing.Mailbox} and
 * {@code testing.SmsSink}, on {@link LocalServers#imapPort()} and {@link LocalServers#smsBaseUrl()}).
 */
public class LocalServersResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private String s3Bucket;
    private String ownUrlProperties;
    private boolean delivery;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        s3Bucket = initArgs.get("s3-bucket");
        ownUrlProperties = initArgs.get("own-url-properties");
        delivery = Boolean.parseBoolean(initArgs.get("delivery"));
        if (database == null) {
            throw new IllegalArgumentException("LocalServersResource needs the 'database' argument");
        }
    }

    @Override
    public Map<String, String> start() {
        LocalServers servers = LocalServers.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", servers.kafkaBootstrapServers());
        config.put("quarkus.datasource.jdbc.url", servers.database(database));
        config.put("quarkus.datasource.username", servers.postgresUser());
        config.put("quarkus.datasource.password", "");
        if (s3Bucket != null) {
            config.put("quarkus.s3.endpoint-override", servers.s3Endpoint(s3Bucket));
            config.put("quarkus.s3.aws.region", LocalServers.S3_REGION);
            config.put("quarkus.s3.aws.credentials.type", "static");
            config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", LocalServers.S3_ACCESS_KEY);
            config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", LocalServers.S3_SECRET_KEY);
        }
        if (delivery) {
            config.put("enrollment.delivery.smtp.host", "127.0.0.1");
            config.put("enrollment.delivery.smtp.port", Integer.toString(servers.smtpPort()));
            config.put("enrollment.delivery.sms.base-url", servers.smsBaseUrl());
            // For the tests' own Mailbox: where to read what was sent.
            config.put("local.mail.imap-port", Integer.toString(servers.imapPort()));
        }
        if (ownUrlProperties != null) {
            int port = Ports.free();
            config.put("quarkus.http.test-port", Integer.toString(port));
            for (String property : ownUrlProperties.split(",")) {
                config.put(property.trim(), "http://127.0.0.1:" + port);
            }
        }
        return config;
    }

    @Override
    public void stop() {
        // The servers are shared by every test class of the JVM and stop when it exits.
    }
}
