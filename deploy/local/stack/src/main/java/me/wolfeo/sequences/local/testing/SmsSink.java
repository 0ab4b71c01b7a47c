package me.wolfeo.sequences.local.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The local SMS sink seen from a test: the requests it received on Twilio's Messages API (from its request journal,
 * {@code /__admin/requests}), and a switch that makes it refuse them for a while, to exercise retries. Everything
 * goes through the sink's admin API, so any number of instances (and the services) see the same state.
 */
public final class SmsSink {

    private static final Pattern MESSAGES_PATH = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final String MESSAGES_PATH_STUB = "/2010-04-01/Accounts/[^/]+/Messages\\.json";
    /** The name of every stub this class adds, so that {@link #accept()} finds them again from any instance. */
    private static final String REFUSAL = "SmsSink refusal";
    private static final Duration POLL = Duration.ofMillis(200);

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** @param baseUrl the sink's API root, e.g. {@code LocalServers.smsBaseUrl()} */
    public SmsSink(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * One request to create a message, as received: the account of its path, the {@code To}, {@code From} and
     * {@code Body} of its form ({@code form} holds every field, first value each), its
     * {@code I-Twilio-Idempotency-Token} and {@code Authorization} headers (null when absent) and the status the
     * sink answered (201 accepted, 4xx for a malformed request, or a refusal's status).
     */
    public record Request(String accountSid, String to, String from, String body, String idempotencyToken,
            String authorization, int status, Instant receivedAt, Map<String, String> form) {

        public boolean accepted() {
            return status == 201;
        }

        /** The decoded {@code user:password} of a basic Authorization header, or null. */
        public String basicCredentials() {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                return new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** Every request to the Messages API received since the last {@link #reset()}, oldest first. */
    public List<Request> requests() {
        JsonNode journal = readJson(send(HttpRequest.newBuilder(uri("/__admin/requests")).GET(), 200));
        List<Request> requests = new ArrayList<>();
        for (JsonNode entry : journal.path("requests")) {
            JsonNode request = entry.path("request");
            String url = request.path("url").asText();
            int query = url.indexOf('?');
            Matcher path = MESSAGES_PATH.matcher(query < 0 ? url : url.substring(0, query));
            if (!path.matches()) {
                continue;
            }
            Map<String, String> form = parseForm(request.path("body").asText(""));
            requests.add(new Request(path.group(1), form.get("To"), form.get("From"), form.get("Body"),
                    header(request, "I-Twilio-Idempotency-Token"), header(request, "Authorization"),
                    entry.path("response").path("status").asInt(0),
                    Instant.ofEpochMilli(request.path("loggedDate").asLong()), form));
        }
        Collections.reverse(requests); // the journal lists the newest first
        return requests;
    }

    /**
     * Reads the journal until it holds at least {@code count} requests, or the timeout passes; returns the requests
     * found (fewer than {@code count} after a timeout).
     */
    public List<Request> awaitRequests(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Request> requests = requests();
            if (requests.size() >= count || System.nanoTime() > deadline) {
                return requests;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return requests;
            }
        }
    }

    /** Forgets every request received so far (refusals stay: see {@link #accept()}). */
    public void reset() {
        send(HttpRequest.newBuilder(uri("/__admin/requests")).DELETE(), 200);
    }

    /**
     * Answers every request to the Messages API with this status (and Twilio's error body) until
     * {@link #accept()}.
     */
    public void refuse(int status) {
        addStub(refusal(status));
    }

    /** Answers the next {@code count} requests with this status, then accepts again by itself. */
    public void refuseNext(int count, int status) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        String scenario = REFUSAL + " " + UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            ObjectNode stub = refusal(status);
            stub.put("scenarioName", scenario);
            stub.put("requiredScenarioState", i == 0 ? "Started" : "refused " + i);
            stub.put("newScenarioState", i == count - 1 ? "accepting" : "refused " + (i + 1));
            addStub(stub);
        }
    }

    /** Removes every refusal ({@link #refuse}, {@link #refuseNext}): requests are accepted again. */
    public void accept() {
        JsonNode mappings = readJson(send(HttpRequest.newBuilder(uri("/__admin/mappings")).GET(), 200));
        for (JsonNode mapping : mappings.path("mappings")) {
            if (mapping.path("name").asText("").startsWith(REFUSAL)) {
                send(HttpRequest.newBuilder(uri("/__admin/mappings/" + mapping.path("id").asText())).DELETE(), 200);
            }
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A stub above the sink's own (priority 1 wins over theirs), with Twilio's error shape. */
    private ObjectNode refusal(int status) {
        ObjectNode stub = json.createObjectNode();
        stub.put("name", REFUSAL);
        stub.put("priority", 1);
        ObjectNode request = stub.putObject("request");
        request.put("method", "POST");
        request.put("urlPathPattern", MESSAGES_PATH_STUB);
        ObjectNode response = stub.putObject("response");
        response.put("status", status);
        response.putObject("headers").put("Content-Type", "application/json; charset=utf-8");
        ObjectNode body = response.putObject("jsonBody");
        body.put("code", 20000 + status);
        body.put("message", "Refused by the test (HTTP " + status + ")");
        body.put("more_info", "https://www.twilio.com/docs/errors/" + (20000 + status));
        body.put("status", status);
        return stub;
    }

    private void addStub(ObjectNode stub) {
        try {
            send(HttpRequest.newBuilder(uri("/__admin/mappings"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(stub))), 201);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a stub: " + e.getMessage(), e);
        }
    }

    private static String header(JsonNode request, String name) {
        for (Map.Entry<String, JsonNode> header : request.path("headers").properties()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                JsonNode value = header.getValue();
                return value.isArray() ? value.path(0).asText() : value.asText();
            }
        }
        return null;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String field : body.split("&")) {
            if (field.isEmpty()) {
                continue;
            }
            int equals = field.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? field : field.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(form);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private String send(HttpRequest.Builder request, int expectedStatus) {
        HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the SMS sink at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the SMS sink", e);
        }
    }

    private JsonNode readJson(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("The SMS sink answered something else than JSON: " + e.getMessage(), e);
        }
    }
}
