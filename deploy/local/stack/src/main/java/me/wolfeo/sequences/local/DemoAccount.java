package me.wolfeo.sequences.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo account of a local platform and its API token. The token is shown once by the gateway (it keeps only
 * a hash), so the stack keeps it in the data folder and prints the same one at every start while it still works.
 */
record DemoAccount(long accountId, String token) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static DemoAccount ensure(String gatewayUrl, String adminKey, Path file) throws IOException, InterruptedException {
        if (Files.exists(file)) {
            String[] saved = Files.readString(file).trim().split("\\s+");
            DemoAccount account = new DemoAccount(Long.parseLong(saved[0]), saved[1]);
            if (account.works(gatewayUrl)) {
                return account;
            }
        }
        DemoAccount created = create(gatewayUrl, adminKey);
        Files.writeString(file, created.accountId() + " " + created.token());
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        return created;
    }

    private boolean works(String gatewayUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/sequences?per_page=1"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
        return Http.send(request).statusCode() == 200;
    }

    private static DemoAccount create(String gatewayUrl, String adminKey) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/admin/v1/accounts"))
                .header("X-Admin-Key", adminKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Demo account\"}"))
                .build();
        HttpResponse<String> response = Http.send(request);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Creating the demo account answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode data = JSON.readTree(response.body()).path("data");
        return new DemoAccount(data.path("id").asLong(), data.path("token").path("token").asText());
    }
}
