package me.wolfeo.sequences.platform.messaging;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import me.wolfeo.sequences.platform.contract.Text;

/** Turns envelopes, replies and their payloads into JSON bytes and back, with the platform's one JSON style. */
@ApplicationScoped
public class MessageCodec {

    private static final int MAX_ID_LENGTH = 128;

    private final ObjectMapper mapper;

    public MessageCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] encode(Object message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }

    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    /** Reads an envelope, or explains in one sentence why the bytes are not one. */
    public Envelope decodeEnvelope(byte[] bytes) {
        JsonNode tree = readTree(bytes);
        if (!tree.isObject()) {
            throw new InvalidMessageException("The message is not a JSON object");
        }
        String id = requiredText(tree, "id");
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidMessageException("The message id is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (!Text.isStorable(id)) {
            throw new InvalidMessageException("The message id holds control characters or invalid Unicode");
        }
        String type = requiredText(tree, "type");
        if (!Text.isStorable(type)) {
            throw new InvalidMessageException("The message type holds control characters or invalid Unicode");
        }
        JsonNode version = tree.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new InvalidMessageException("The message has no integer 'version'");
        }
        JsonNode account = tree.get("account_id");
        if (account == null || !account.isIntegralNumber() || !account.canConvertToLong()) {
            throw new InvalidMessageException("The message has no integer 'account_id'");
        }
        JsonNode data = tree.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidMessageException("The message has no 'data' object");
        }
        try {
            return mapper.treeToValue(tree, Envelope.class);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("The message envelope is malformed: " + e.getOriginalMessage());
        }
    }

    public Reply decodeReply(byte[] bytes) {
        try {
            return mapper.readValue(bytes, Reply.class);
        } catch (IOException e) {
            throw new InvalidMessageException("The reply is not valid JSON: " + e.getMessage());
        }
    }

    /** Binds a message's data to a payload type, or explains which field is wrong. */
    public <T> T data(Envelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException(
                    "The data of a '" + envelope.type() + "' message is malformed: " + e.getOriginalMessage());
        }
    }

    private JsonNode readTree(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidMessageException("The message is empty");
        }
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidMessageException("The message is not valid JSON");
        }
    }

    private static String requiredText(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new InvalidMessageException("The message has no '" + field + "' string");
        }
        return node.asText();
    }
}
