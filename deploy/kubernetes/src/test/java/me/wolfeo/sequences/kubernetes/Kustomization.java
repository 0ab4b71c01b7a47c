package me.wolfeo.sequences.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * An overlay as {@code kubectl apply -k} builds it: rendered by the real {@code kubectl kustomize} (kustomize is
 * inside kubectl; {@code apt-get install kubectl}), each object kept twice: as written (for the schema check, which
 * must see every field) and as a typed fabric8 object (for the checks that read it). Rendered once per overlay.
 */
record Kustomization(Path overlay, List<JsonNode> documents, List<HasMetadata> objects) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, Kustomization> BUILT = new ConcurrentHashMap<>();

    static Kustomization build(Path overlay) {
        return BUILT.computeIfAbsent(overlay.toAbsolutePath().normalize(), Kustomization::render);
    }

    static List<Path> overlays(Path kubernetes) {
        try (var folders = Files.list(kubernetes.resolve("overlays"))) {
            return folders.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Kustomization render(Path overlay) {
        String output = kubectlKustomize(overlay);
        List<JsonNode> documents = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : output.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            documents.add(JSON.valueToTree(SERIALIZATION.unmarshal(document, Map.class)));
            objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
        return new Kustomization(overlay, List.copyOf(documents), List.copyOf(objects));
    }

    private static String kubectlKustomize(Path overlay) {
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process;
                try {
                    process = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                            .redirectError(errors.toFile()).start();
                } catch (IOException e) {
                    throw new AssertionError("kubectl renders the overlays: apt-get install kubectl", e);
                }
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + overlay + " failed: " + Files.readString(errors));
                }
                return output;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
