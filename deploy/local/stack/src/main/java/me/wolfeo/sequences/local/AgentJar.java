package me.wolfeo.sequences.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes the {@link ParentWatchAgent} into a small agent jar, for {@code -javaagent:} on child processes. */
final class AgentJar {

    private AgentJar() {
    }

    static Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path jar = directory.resolve("parent-watch-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchAgent.class.getName());
        String entry = ParentWatchAgent.class.getName().replace('.', '/') + ".class";
        Path temporary = Files.createTempFile(directory, "agent", ".jar");
        try (OutputStream file = Files.newOutputStream(temporary);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classBytes = ParentWatchAgent.class.getClassLoader().getResourceAsStream(entry)) {
            if (classBytes == null) {
                throw new IOException("Cannot find " + entry + " on the class path");
            }
            out.putNextEntry(new JarEntry(entry));
            classBytes.transferTo(out);
            out.closeEntry();
        }
        Files.move(temporary, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return jar;
    }
}
