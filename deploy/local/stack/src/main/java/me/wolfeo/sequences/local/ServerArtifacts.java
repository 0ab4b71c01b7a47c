package me.wolfeo.sequences.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the broker's, S3Proxy's, GreenMail's and WireMock's jars are, as recorded by the
 * {@code local-server-artifacts} build.
 */
final class ServerArtifacts {

    private ServerArtifacts() {
    }

    static String kafkaClasspath() {
        return read("kafka.classpath");
    }

    static String s3ProxyJar() {
        return read("s3proxy.classpath");
    }

    static String greenMailJar() {
        return read("greenmail.classpath");
    }

    static String wireMockJar() {
        return read("wiremock.classpath");
    }

    private static String read(String resource) {
        try (InputStream in = ServerArtifacts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: build deploy/local first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
