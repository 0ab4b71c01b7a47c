package me.wolfeo.sequences.local.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand, for what an HTTP client library will not send: a path it would re-encode, a request
 * line or headers of any size, a body streamed without its size. The body goes out on a thread of its own while
 * the answer is read, as a hostile client would do it (the server may answer before it has read everything).
 * Shared by the gateway's tests and the system tests; it talks to 127.0.0.1 on the port given.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A response: its status, headers (lower-case names) and body. */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    /** Sends the request line and headers (each "Name: value"), then the body, if any, as one chunked stream. */
    public Response chunked(String requestLine, Map<String, String> headers, byte[] body) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Transfer-Encoding", "chunked");
        return send(head(requestLine, all), out -> {
            for (int at = 0; at < body.length; at += 65536) {
                int length = Math.min(65536, body.length - at);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    /** Sends the request with its body and a Content-Length (the given one if any, otherwise the body's). */
    public Response request(String requestLine, Map<String, String> headers, byte[] body) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Length", Integer.toString(body.length));
        return send(head(requestLine, all), out -> out.write(body));
    }

    private static byte[] head(String requestLine, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private interface Body {

        void writeTo(OutputStream out) throws IOException;
    }

    private Response send(byte[] head, Body body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    body.writeTo(out);
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before taking it all: that is its right
                }
            }, "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        Map<String, String> headers = new LinkedHashMap<>();
        int status = 0;
        int contentLength = -1;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                n = -1; // a reset after the answer: keep what came
            }
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
            String text = received.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                String[] lines = text.substring(0, headEnd).split("\r\n");
                status = Integer.parseInt(lines[0].split(" ")[1]);
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
                contentLength = Integer.parseInt(headers.getOrDefault("content-length", "-1"));
            }
            if (headEnd >= 0 && contentLength >= 0 && received.size() >= headEnd + 4 + contentLength) {
                break;
            }
        }
        if (headEnd < 0) {
            throw new IOException("No HTTP answer: " + received.toString(StandardCharsets.ISO_8859_1));
        }
        byte[] all = received.toByteArray();
        int bodyLength = contentLength >= 0 ? contentLength : all.length - headEnd - 4;
        return new Response(status, headers, new String(all, headEnd + 4, bodyLength, StandardCharsets.UTF_8));
    }
}
