package me.wolfeo.sequences.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads from its configuration: its own application.properties and the settings it shares through
 * platform-commons' microprofile-config.properties.
 */
record ServiceConfig(String module, Map<String, String> properties) {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::[^}]*)?}");
    /** Variables read by the container image (run-java.sh) or by Quarkus itself, not by a property. */
    static final Set<String> PLATFORM_VARIABLES = Set.of("QUARKUS_PROFILE", "JAVA_OPTS_APPEND");

    static ServiceConfig of(Path root, String module) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.putAll(
                load(root.resolve("platform-commons/src/main/resources/META-INF/microprofile-config.properties")));
        properties.putAll(load(root.resolve(module).resolve("src/main/resources/application.properties")));
        return new ServiceConfig(module, properties);
    }

    /** The environment variable that overrides a property, by the MicroProfile Config rule. */
    static String environmentName(String property) {
        String key = property.startsWith("%") ? property.substring(property.indexOf('.') + 1) : property;
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** Every environment variable this service reads: property overrides and ${VARIABLE} references. */
    Set<String> readableVariables() {
        Set<String> variables = new HashSet<>(PLATFORM_VARIABLES);
        properties.forEach((key, value) -> {
            variables.add(environmentName(key));
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                variables.add(expression.group(1));
                variables.add(environmentName(expression.group(1)));
            }
        });
        return variables;
    }

    /**
     * The variables a cluster must set: overrides of every setting whose local default points at this machine
     * (127.0.0.1 or localhost), and every ${VARIABLE} without a default in the profile Kubernetes runs.
     */
    Set<String> requiredVariables() {
        Set<String> required = new TreeSet<>();
        properties.forEach((key, value) -> {
            boolean active = !key.startsWith("%") || key.startsWith("%kubernetes.");
            if (active && (value.contains("127.0.0.1") || value.contains("localhost")) && !value.contains("${")) {
                required.add(environmentName(key));
            }
            Matcher expression = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(value);
            while (active && expression.find()) {
                required.add(expression.group(1));
            }
        });
        return required;
    }

    /** The topics the service's SmallRye channels consume, with their consumer group. */
    Map<String, String> consumedTopicsAndGroups() {
        Map<String, String> consumed = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            Matcher channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
            if (channel.matches()) {
                consumed.put(value, properties.get("mp.messaging.incoming." + channel.group(1) + ".group.id"));
            }
        });
        return consumed;
    }

    private static Map<String, String> load(Path file) {
        java.util.Properties loaded = new java.util.Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        loaded.stringPropertyNames().stream().sorted().forEach(key -> properties.put(key, loaded.getProperty(key)));
        return properties;
    }
}
