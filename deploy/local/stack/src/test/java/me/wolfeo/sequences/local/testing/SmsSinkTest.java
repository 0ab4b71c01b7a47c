package me.wolfeo.sequences.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import me.wolfeo.sequences.local.LocalServers;

class SmsSinkTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000000";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String baseUrl = LocalServers.shared().smsBaseUrl();
    private final SmsSink sink = new SmsSink(baseUrl);

    @BeforeEach
    void emptySink() {
        sink.accept();
        sink.reset();
    }

    @AfterEach
    void acceptAgain() {
        sink.accept();
    }

    @Test
    void anSmsIsAnsweredAsTwilioWouldAndListedWithItsHeaders() throws Exception {
        HttpResponse<String> answer = post(Map.of("To", "+15551234567", "From", "+15005550006", "Body",
                "Hello \"Jane\" & <you>, é"), "enrollment-7.stage-3", true);

        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode message = new ObjectMapper().readTree(answer.body());
        assertThat(message.path("sid").asText()).startsWith("SM").hasSize(34);
        assertThat(message.path("status").asText()).isEqualTo("queued");
        assertThat(message.path("account_sid").asText()).isEqualTo(ACCOUNT);
        assertThat(message.path("to").asText()).isEqualTo("+15551234567");
        assertThat(message.path("from").asText()).isEqualTo("+15005550006");
        assertThat(message.path("body").asText()).isEqualTo("Hello \"Jane\" & <you>, é");
        assertThat(message.path("uri").asText()).endsWith("/Messages/" + message.path("sid").asText() + ".json");

        List<SmsSink.Request> requests = sink.awaitRequests(1, Duration.ofSeconds(5));
        assertThat(requests).hasSize(1);
        SmsSink.Request request = requests.get(0);
        assertThat(request.accountSid()).isEqualTo(ACCOUNT);
        assertThat(request.to()).isEqualTo("+15551234567");
        assertThat(request.from()).isEqualTo("+15005550006");
        assertThat(request.body()).isEqualTo("Hello \"Jane\" & <you>, é");
        assertThat(request.idempotencyToken()).isEqualTo("enrollment-7.stage-3");
        assertThat(request.basicCredentials()).isEqualTo(ACCOUNT + ":local-auth-token");
        assertThat(request.accepted()).isTrue();
    }

    @Test
    void aRequestWithoutCredentialsOrWithoutARecipientIsRefusedAsTwilioWould() throws Exception {
        HttpResponse<String> unauthenticated = post(Map.of("To", "+15551234567", "From", "+15005550006", "Body",
                "x"), null, false);
        HttpResponse<String> noRecipient = post(Map.of("From", "+15005550006", "Body", "x"), null, true);

        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(new ObjectMapper().readTree(unauthenticated.body()).path("code").asInt()).isEqualTo(20003);
        assertThat(noRecipient.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(noRecipient.body()).path("code").asInt()).isEqualTo(21604);
        assertThat(sink.awaitRequests(2, Duration.ofSeconds(5))).extracting(SmsSink.Request::status)
                .containsExactly(401, 400);
    }

    @Test
    void theSinkRefusesUntilItAcceptsAgain() throws Exception {
        Map<String, String> sms = Map.of("To", "+15551234567", "From", "+15005550006", "Body", "retry me");

        sink.refuse(503);
        assertThat(post(sms, "k", true).statusCode()).isEqualTo(503);
        assertThat(post(sms, "k", true).statusCode()).isEqualTo(503);
        sink.accept();
        assertThat(post(sms, "k", true).statusCode()).isEqualTo(201);

        sink.refuseNext(2, 429);
        assertThat(post(sms, "k", true).statusCode()).isEqualTo(429);
        assertThat(post(sms, "k", true).statusCode()).isEqualTo(429);
        assertThat(post(sms, "k", true).statusCode()).isEqualTo(201);

        assertThat(sink.awaitRequests(6, Duration.ofSeconds(5))).extracting(SmsSink.Request::status)
                .containsExactly(503, 503, 201, 429, 429, 201);
        sink.reset();
        assertThat(sink.requests()).isEmpty();
    }

    private HttpResponse<String> post(Map<String, String> form, String idempotencyToken, boolean authenticated)
            throws Exception {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest
                .newBuilder(URI.create(baseUrl + "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyToken != null) {
            request.header("I-Twilio-Idempotency-Token", idempotencyToken);
        }
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT + ":local-auth-token").getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
