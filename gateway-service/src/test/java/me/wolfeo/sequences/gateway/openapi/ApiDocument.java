package me.wolfeo.sequences.gateway.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The gateway's API document as it serves it, and the JSON Schema validation of answers against it: an OpenAPI
 * 3.1 schema is a JSON Schema 2020-12 schema, validated here by networknt's validator over the whole document (so
 * that its {@code $ref}s to {@code #/components/...} resolve).
 */
final class ApiDocument {

    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode document;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    ApiDocument(JsonNode document) {
        this.document = document;
    }

    JsonNode root() {
        return document;
    }

    /** Every operation of the document, as {@code "METHOD /path/{template}"}. */
    Set<String> operations() {
        Set<String> operations = new java.util.TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (HTTP_METHODS.contains(method)) {
                        operations.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        return operations;
    }

    JsonNode operation(String method, String pathTemplate) {
        JsonNode operation = document.path("paths").path(pathTemplate).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            throw new AssertionError("The document has no operation " + method + " " + pathTemplate);
        }
        return operation;
    }

    /** The operation's parameters (references resolved) of one location ({@code path}, {@code header}, ...). */
    Set<String> parameters(JsonNode operation, String in) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        return parameters.stream().filter(p -> in.equals(p.path("in").asText())).map(p -> p.path("name").asText())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** A node itself, or the node its {@code $ref} points to. */
    JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(pointerOf(node.get("$ref").asText())) : node;
    }

    /**
     * The JSON pointer of the schema the document declares for this operation's answer with this status (or its
     * {@code default} answer), as application/json.
     */
    String responseSchemaPointer(String method, String pathTemplate, int status) {
        JsonNode responses = operation(method, pathTemplate).path("responses");
        String code = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        if (!responses.has(code)) {
            throw new AssertionError(method + " " + pathTemplate + " declares no answer " + status);
        }
        JsonNode response = responses.get(code);
        String pointer = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase() + "/responses/" + code;
        if (response.has("$ref")) {
            pointer = pointerOf(response.get("$ref").asText());
        }
        pointer += "/content/application~1json/schema";
        if (document.at(pointer).isMissingNode()) {
            throw new AssertionError(method + " " + pathTemplate + " " + status + " declares no JSON schema");
        }
        return pointer;
    }

    /** The problems of the body against the schema at that pointer of the document; empty when it is valid. */
    Set<ValidationMessage> validate(String schemaPointer, JsonNode body) {
        ObjectNode schema = document.deepCopy();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$ref", "#" + schemaPointer);
        // The document's own members are not schema keywords; only the $ref is applied.
        for (Iterator<String> names = document.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!Set.of("components", "paths").contains(name)) {
                schema.remove(name);
            }
        }
        JsonSchema compiled = schemas.getSchema(schema);
        return compiled.validate(body);
    }

    static String pointerOf(String ref) {
        if (!ref.startsWith("#/")) {
            throw new AssertionError("Only local references are expected: " + ref);
        }
        return ref.substring(1);
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
