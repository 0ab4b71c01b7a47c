package me.wolfeo.sequences.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few API calls that set the benchmark's scene: accounts and their sequences. */
final class PlatformApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String gatewayUrl;
    private final String adminKey;

    record Account(long id, String token) {
    }

    PlatformApi(String gatewayUrl, String adminKey) {
        this.gatewayUrl = gatewayUrl;
        this.adminKey = adminKey;
    }

    Account newAccount(String name) throws Exception {
        JsonNode data = call(HttpRequest.newBuilder(URI.create(gatewayUrl + "/admin/v1/accounts"))
                .header("X-Admin-Key", adminKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}")).build(), 201);
        long id = data.path("id").asLong();
        // The benchmark measures the platform, not its rate limits: its account may make as many calls as it can.
        call(HttpRequest.newBuilder(URI.create(gatewayUrl + "/admin/v1/accounts/" + id + "/rate-limits"))
                .header("X-Admin-Key", adminKey).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"rest_requests_per_minute\": 1000000, \"webhook_requests_per_minute\": 1000000}"))
                .build(), 200);
        return new Account(id, data.path("token").path("token").asText());
    }

    List<Long> newSequences(Account account, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(call(HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/sequence"))
                    .header("Authorization", "Bearer " + account.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Benchmark " + i + "\"}")).build(), 201)
                    .path("id").asLong());
        }
        return ids;
    }

    /** A new stage, activated (an email stage gets its content first). */
    long activeStage(Account account, long sequenceId, String stageType) throws Exception {
        long stageId = call(authorized(account, "/v1/sequence-stage").POST(HttpRequest.BodyPublishers.ofString(
                "{\"sequence_id\": " + sequenceId + ", \"stage_type\": \"" + stageType
                        + "\", \"time_value\": 1, \"time_type\": 3600}"))
                .build(), 201).path("id").asLong();
        if (stageType.equals("send_email")) {
            call(authorized(account, "/v1/sequence-stage-content").PUT(HttpRequest.BodyPublishers.ofString(
                    "{\"stage_id\": " + stageId + ", \"subject\": \"Hello {{first_name}}\", "
                            + "\"html\": \"<p>Hello {{first_name|there}}, this is a benchmark.</p>\"}"))
                    .build(), 200);
        }
        call(authorized(account, "/v1/sequence-stage").PUT(HttpRequest.BodyPublishers.ofString(
                "{\"stage_id\": " + stageId + ", \"active\": true}")).build(), 200);
        return stageId;
    }

    /** Sets the sequence's sending schedule (a JSON object, as {@code PUT /v1/sequence} takes it). */
    void schedule(Account account, long sequenceId, String scheduleJson) throws Exception {
        call(authorized(account, "/v1/sequence").PUT(HttpRequest.BodyPublishers.ofString(
                "{\"sequence_id\": " + sequenceId + ", \"schedule\": " + scheduleJson + "}")).build(), 200);
    }

    private HttpRequest.Builder authorized(Account account, String path) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + account.token()).header("Content-Type", "application/json");
    }

    HttpRequest echo(Account account) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/benchmark/echo"))
                .header("Authorization", "Bearer " + account.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sequence_id\": 1, \"source\": \"hubspot\", "
                        + "\"id\": \"bench-echo\", \"email\": \"echo@example.com\", \"first_name\": \"Bench\", "
                        + "\"last_name\": \"Contact\", \"padding\": \"" + "x".repeat(80) + "\"}"))
                .build();
    }

    private JsonNode call(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).path("data");
    }
}
