package me.wolfeo.sequences.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real mail server for the email steps: GreenMail standalone, run as its own process from the jar that
 * {@code local-server-artifacts} resolved, speaking SMTP and IMAP on 127.0.0.1. Authentication is off, so it
 * accepts mail for any recipient, and each recipient's mail reads back over IMAP with the address as user and
 * password. Mail is kept in memory: a restart empties every mailbox.
 */
final class MailServer implements AutoCloseable {

    private final ChildProcess process;
    private final int smtpPort;
    private final int imapPort;

    private MailServer(ChildProcess process, int smtpPort, int imapPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /**
     * Starts the server and waits until both ports answer.
     *
     * @param runDirectory where its log and pid files go
     */
    static MailServer start(Path runDirectory, int smtpPort, int imapPort) throws IOException {
        ChildProcess.stopStale("greenmail", runDirectory);
        Ports.requireFree("GreenMail's SMTP", smtpPort);
        Ports.requireFree("GreenMail's IMAP", imapPort);
        // Only the per-protocol settings: greenmail.hostname would also start GreenMail's HTTP API (on 8080).
        ChildProcess process = ChildProcess.startJava("greenmail", runDirectory,
                List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                        "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + imapPort,
                        "-Dgreenmail.auth.disabled"),
                List.of("-jar", ServerArtifacts.greenMailJar()), Map.of(), runDirectory);
        Await.until("GreenMail", Duration.ofSeconds(60), process,
                () -> Ports.isListening("127.0.0.1", smtpPort) && Ports.isListening("127.0.0.1", imapPort));
        return new MailServer(process, smtpPort, imapPort);
    }

    int smtpPort() {
        return smtpPort;
    }

    int imapPort() {
        return imapPort;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
