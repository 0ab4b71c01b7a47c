package me.wolfeo.sequences.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;

/**
 * Builds a kustomization the way {@code kubectl apply -k} does, for the features the manifests use:
 * {@code resources} (files, and folders holding a kustomization) and {@code namespace}. Any other field fails the
 * build, so the manifests cannot start using a feature this check would silently ignore.
 */
final class Kustomization {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources");
    /** Kinds that live outside namespaces, among those the manifests use. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    private Kustomization() {
    }

    static List<HasMetadata> build(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        Map<String, Object> kustomization = Manifests.readMap(file);
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED.contains(field)) {
                throw new AssertionError(file + ": the field '" + field + "' is not checked by this test");
            }
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (Object resource : (List<?>) kustomization.getOrDefault("resources", List.of())) {
            Path path = directory.resolve(resource.toString()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path));
            } else if (Files.isRegularFile(path)) {
                objects.addAll(Manifests.read(path));
            } else {
                throw new AssertionError(file + " lists " + resource + ", which does not exist");
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (HasMetadata object : objects) {
                if (!CLUSTER_SCOPED.contains(object.getKind())) {
                    object.getMetadata().setNamespace(namespace.toString());
                }
            }
        }
        return objects;
    }

    static List<Path> overlays(Path kubernetes) {
        try (var folders = Files.list(kubernetes.resolve("overlays"))) {
            return folders.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean createsNamespace(List<HasMetadata> objects, String name) {
        return objects.stream().anyMatch(object -> object instanceof Namespace
                && name.equals(object.getMetadata().getName()));
    }
}
