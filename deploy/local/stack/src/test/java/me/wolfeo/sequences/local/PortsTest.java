package me.wolfeo.sequences.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aServerDoesNotStartOnAPortSomethingElseListensOn() throws Exception {
        Path run = Files.createTempDirectory("ports-test-");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> MailServer.start(run, taken.getLocalPort(), Ports.free()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("GreenMail's SMTP cannot start: 127.0.0.1:" + taken.getLocalPort()
                            + " is already in use (is another platform running?)");
            assertThatThrownBy(() -> SmsServer.start(run, taken.getLocalPort()))
                    .hasMessageStartingWith("WireMock (the SMS sink) cannot start: 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
