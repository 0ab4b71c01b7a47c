package me.wolfeo.sequences.enrollmentservice.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import me.wolfeo.sequences.enrollmentservice.EnrollmentConfig;
import me.wolfeo.sequences.platform.Failures;

/**
 * Sends SMS steps through an SMS provider's HTTP API in the shape of Twilio's Messages API
 * ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form fields To, From, Body, HTTP basic auth). Each
 * request carries an idempotency token derived from its enrollment and stage
 * ({@code I-Twilio-Idempotency-Token}), so a retry after a crash is the same message to the provider.
 */
@ApplicationScoped
public class SmsSender {

    private final EnrollmentConfig.Delivery.Sms config;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final URI messages;
    private final String authorization;

    public SmsSender(EnrollmentConfig config, ObjectMapper mapper) {
        this.config = config.delivery().sms();
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
        String base = this.config.baseUrl().replaceAll("/+$", "");
        this.messages = URI.create(base + "/2010-04-01/Accounts/"
                + URLEncoder.encode(this.config.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (this.config.accountSid() + ":" + this.config.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    public DeliveryResult send(String idempotencyToken, String to, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", config.fromNumber());
        form.put("Body", body);
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(config.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("I-Twilio-Idempotency-Token", idempotencyToken)
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(field -> field.getKey() + "="
                                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return DeliveryResult.delivered();
            }
            String reason = "The SMS provider answered " + status + providerMessage(response.body());
            return status == 429 || status >= 500 ? DeliveryResult.unavailable(reason) : DeliveryResult.refused(reason);
        } catch (IOException e) {
            return DeliveryResult.unavailable("SMS provider unreachable: " + Failures.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.unavailable("Interrupted while sending an SMS");
        }
    }

    /** Twilio explains a refusal in the {@code message} field of its JSON error. */
    private String providerMessage(String body) {
        try {
            JsonNode error = mapper.readTree(body);
            return error != null && error.hasNonNull("message") ? ": " + error.get("message").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
