package me.wolfeo.sequences.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Port helpers: a free port for a test server, and whether something already listens on one (a server started on
 * a taken port would fail, while the other listener answered its readiness check).
 */
final class Ports {

    private Ports() {
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** Fails, naming the server, when something already listens on 127.0.0.1 at this port. */
    static void requireFree(String server, int port) {
        if (isListening("127.0.0.1", port)) {
            throw new IllegalStateException(server + " cannot start: 127.0.0.1:" + port
                    + " is already in use (is another platform running?)");
        }
    }

    static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
