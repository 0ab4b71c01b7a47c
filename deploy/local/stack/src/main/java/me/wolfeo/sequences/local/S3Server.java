package me.wolfeo.sequences.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real S3-compatible server: S3Proxy with its filesystem backend and AWS signature checks on, run as its own
 * process from the jar that {@code local-server-artifacts} resolved.
 */
final class S3Server implements AutoCloseable {

    static final String ACCESS_KEY = "local-access-key";
    static final String SECRET_KEY = "local-secret-key";
    static final String REGION = "us-east-1";

    private final ChildProcess process;
    private final int port;

    private S3Server(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the server with its objects under {@code dataDirectory} and makes sure the bucket exists.
     *
     * @param runDirectory where its log, pid and properties files go
     */
    static S3Server start(Path dataDirectory, Path runDirectory, int port, String bucket) throws IOException {
        Path objects = dataDirectory.toAbsolutePath();
        Path bucketDirectory = objects.resolve(bucket);
        if (!Files.isDirectory(bucketDirectory)) {
            // With the filesystem backend a bucket is a directory; without "others may read" it stays private.
            Files.createDirectories(bucketDirectory);
            Files.setPosixFilePermissions(bucketDirectory, PosixFilePermissions.fromString("rwxr-x--x"));
        }
        Path properties = runDirectory.resolve("s3proxy.properties");
        Files.createDirectories(runDirectory);
        Files.writeString(properties, String.join(System.lineSeparator(),
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + objects,
                ""));
        ChildProcess process = ChildProcess.startJava("s3proxy", runDirectory,
                List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of("-jar", ServerArtifacts.s3ProxyJar(), "--properties", properties.toString()),
                Map.of(), runDirectory);
        S3Server server = new S3Server(process, port);
        Await.until("S3Proxy", Duration.ofSeconds(60), process, () -> Http.answers200(server.endpoint() + "/healthz"));
        return server;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
