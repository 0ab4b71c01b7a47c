package me.wolfeo.sequences.gateway.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import me.wolfeo.sequences.gateway.GatewayConfig;

/**
 * Reads a request's input: its query parameters, overlaid by the fields of its JSON body (the body wins). Bodies
 * are parsed here, whatever their declared content type, so that malformed JSON gets the dialect's own error.
 */
@ApplicationScoped
public class RequestInput {

    private final ObjectMapper mapper;
    private final int maxRequestBytes;

    public RequestInput(ObjectMapper mapper, GatewayConfig config) {
        this.mapper = mapper;
        this.maxRequestBytes = config.limits().maxRequestBytes();
    }

    public ObjectNode read(byte[] body, MultivaluedMap<String, String> query) {
        ObjectNode input = mapper.createObjectNode();
        if (query != null) {
            for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
                if (!parameter.getValue().isEmpty()) {
                    input.put(parameter.getKey(), parameter.getValue().get(0));
                }
            }
        }
        if (body != null && body.length > maxRequestBytes) {
            throw RequestSizeFilter.tooLarge(maxRequestBytes);
        }
        if (body != null && body.length > 0 && !isBlank(body)) {
            input.setAll(parseObject(body));
        }
        return input;
    }

    private ObjectNode parseObject(byte[] body) {
        JsonNode parsed;
        try {
            parsed = mapper.readTree(body);
        } catch (JsonParseException e) {
            throw ApiException.invalidJson("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.invalidJson("The request body is not valid JSON.");
        }
        if (parsed == null || !parsed.isObject()) {
            throw ApiException.invalidJson("The request body must be a JSON object.");
        }
        return (ObjectNode) parsed;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
