package me.wolfeo.sequences.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON schemas of the API versions the README names (Kubernetes, and the operators' custom resources), one strict
 * file per kind the manifests use, under {@code src/test/resources/schemas/<product>-<version>/} (how they were made:
 * README.md there). Every object of an overlay must match the schema of its apiVersion and kind: a misspelt or
 * misplaced field, a wrong type or a missing required field fails, and so does a kind or API version without a
 * schema here (one the named releases do not serve).
 */
final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** apiVersion/kind -> schema. */
    private final Map<String, JsonSchema> schemas;
    /** The folders, e.g. strimzi-1.2.0. */
    private final Set<String> releases;

    private Schemas(Map<String, JsonSchema> schemas, Set<String> releases) {
        this.schemas = schemas;
        this.releases = releases;
    }

    static Schemas load(Path folder) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        Map<String, JsonSchema> schemas = new TreeMap<>();
        Set<String> releases = new TreeSet<>();
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode schema = JSON.readTree(file.toFile());
                JsonNode properties = schema.path("properties");
                String key = properties.path("apiVersion").path("enum").path(0).asText() + "/"
                        + properties.path("kind").path("enum").path(0).asText();
                if (schemas.put(key, factory.getSchema(schema)) != null) {
                    throw new AssertionError("two schemas for " + key);
                }
                releases.add(folder.relativize(file).getName(0).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Schemas(schemas, releases);
    }

    Set<String> releases() {
        return releases;
    }

    /** What is wrong with the object, one line per error; empty when it matches its schema. */
    List<String> errors(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        JsonSchema schema = schemas.get(key);
        if (schema == null) {
            return List.of("no schema for " + key + " in " + releases + " (not served by these releases?)");
        }
        Set<ValidationMessage> messages = schema.validate(object);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }
}
