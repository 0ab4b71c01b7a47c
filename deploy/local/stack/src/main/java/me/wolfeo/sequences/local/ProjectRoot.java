package me.wolfeo.sequences.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's root folder (the one holding gateway-service) from the working directory up. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        Path candidate = Path.of("").toAbsolutePath();
        while (candidate != null) {
            if (Files.exists(candidate.resolve("gateway-service/pom.xml"))) {
                return candidate;
            }
            candidate = candidate.getParent();
        }
        throw new IllegalStateException("Run this from the repository (no gateway-service/ above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
