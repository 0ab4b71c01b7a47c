package me.wolfeo.sequences.gateway.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a request's input: its query parameters, overlaid by the fields of its JSON body (the body wins). Bodies
 * are parsed here, whatever their declared content type, so that malformed JSON gets the dialect's own error.
 * (Their size is bounded before: {@link LimitedBodyReader}.)
 *
 * <p>
 * A body is one JSON object and nothing else: text after it ({@code {"a": 1} x}, {@code {"a": 1}{"b": 2}}) and a
 * key given twice in one object are malformed, refused by Jackson's own checks
 * ({@link DeserializationFeature#FAIL_ON_TRAILING_TOKENS}, {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION})
 * on this class's reader only: the application's {@link ObjectMapper}, which also reads Kafka messages, is left
 * as it is.
 */
@ApplicationScoped
public class RequestInput {

    private final ObjectMapper mapper;
    private final ObjectReader bodyReader;

    public RequestInput(ObjectMapper mapper) {
        this.mapper = mapper;
        this.bodyReader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
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
        if (body != null && body.length > 0 && !isBlank(body)) {
            input.setAll(parseObject(body));
        }
        return input;
    }

    private ObjectNode parseObject(byte[] body) {
        JsonNode parsed;
        try {
            parsed = bodyReader.readTree(body);
        } catch (JsonParseException e) {
            throw ApiException.invalidJson("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (MismatchedInputException e) {
            throw ApiException.invalidJson("The request body must be one JSON object, with nothing after it.");
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
