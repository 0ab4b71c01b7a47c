package me.wolfeo.sequences.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads manifest files as typed Kubernetes objects (fabric8's model; custom resources as generic ones), failing on
 * YAML that does not parse, on an object without kind or name, and on a field the typed model does not know (a
 * misspelt {@code livenesProbe} would otherwise be ignored by the parser and by the cluster alike).
 */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    static List<HasMetadata> read(Path file) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : documents(file)) {
            Object parsed;
            try {
                parsed = SERIALIZATION.unmarshal(document);
            } catch (RuntimeException e) {
                throw new AssertionError(file + ": a document does not parse: " + e.getMessage(), e);
            }
            if (parsed == null) {
                continue; // a document of comments only
            }
            if (!(parsed instanceof HasMetadata object) || object.getKind() == null
                    || object.getMetadata() == null || object.getMetadata().getName() == null) {
                throw new AssertionError(file + ": a document is not a Kubernetes object with kind and name");
            }
            if (!(object instanceof GenericKubernetesResource)) {
                assertNoUnknownFields(object, file + " " + object.getKind() + "/" + object.getMetadata().getName());
            }
            objects.add(object);
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readMap(Path file) {
        return SERIALIZATION.unmarshal(text(file), Map.class);
    }

    private static List<String> documents(Path file) {
        List<String> documents = new ArrayList<>();
        for (String document : text(file).split("(?m)^---\\s*$")) {
            if (!document.lines().allMatch(line -> line.isBlank() || line.trim().startsWith("#"))) {
                documents.add(document);
            }
        }
        return documents;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks the typed object; the model keeps fields it does not know in "additional properties". */
    private static void assertNoUnknownFields(Object node, String path) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                assertNoUnknownFields(item, path + "[" + index++ + "]");
            }
            return;
        }
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> assertNoUnknownFields(value, path + "." + key));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    throw new AssertionError(path + ": unknown field(s) " + unknown.keySet());
                }
                continue;
            }
            assertNoUnknownFields(value, path + "." + getter.getName().substring(3));
        }
    }
}
