package me.wolfeo.sequences.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server in the shape of Twilio's Messages API, for the SMS steps: WireMock standalone, run as its own
 * process from the jar that {@code local-server-artifacts} resolved, on 127.0.0.1.
 *
 * <p>
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} (form-encoded {@code To}, {@code From},
 * {@code Body}; HTTP basic auth) answers 201 with a Twilio-like message ({@code sid} "SM...", {@code status}
 * "queued", the form's {@code to}, {@code from} and {@code body}), and Twilio's 401 and 400 errors for a request
 * without basic auth or without one of the three fields (the stubs are in {@code twilio-messages.json}). It keeps
 * every request it received (the latest 10,000), readable at {@code /__admin/requests}; tests read them and make it
 * refuse through {@code testing.SmsSink}.
 */
final class SmsServer implements AutoCloseable {

    private static final String MAPPINGS = "twilio-messages.json";

    private final ChildProcess process;
    private final int port;

    private SmsServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the server and waits until its admin API answers.
     *
     * @param runDirectory where its log and pid files and its stubs ({@code wiremock/mappings}) go
     */
    static SmsServer start(Path runDirectory, int port) throws IOException {
        ChildProcess.stopStale("wiremock", runDirectory);
        Ports.requireFree("WireMock (the SMS sink)", port);
        Path root = runDirectory.toAbsolutePath().resolve("wiremock");
        Path mappings = root.resolve("mappings");
        Files.createDirectories(mappings);
        try (InputStream stubs = SmsServer.class.getResourceAsStream(MAPPINGS)) {
            if (stubs == null) {
                throw new IllegalStateException(MAPPINGS + " is not on the class path");
            }
            Files.copy(stubs, mappings.resolve(MAPPINGS), StandardCopyOption.REPLACE_EXISTING);
        }
        ChildProcess process = ChildProcess.startJava("wiremock", runDirectory,
                List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of("-jar", ServerArtifacts.wireMockJar(), "--port", Integer.toString(port),
                        "--bind-address", "127.0.0.1", "--root-dir", root.toString(), "--disable-banner",
                        "--max-request-journal-entries", "10000"),
                Map.of(), runDirectory);
        SmsServer server = new SmsServer(process, port);
        Await.until("WireMock", Duration.ofSeconds(60), process,
                () -> Http.answers200(server.baseUrl() + "/__admin/health"));
        return server;
    }

    /** The API root, as {@code https://api.twilio.com} is in production. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
