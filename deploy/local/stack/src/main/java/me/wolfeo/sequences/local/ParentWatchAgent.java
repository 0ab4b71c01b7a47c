package me.wolfeo.sequences.local;

import java.io.IOException;
import java.io.InputStream;

/**
 * A Java agent loaded into every server process the local stack starts. It exits the process, through its normal
 * shutdown hooks, as soon as its standard input closes, which happens when the process that started it dies for
 * any reason (even {@code kill -9}). So a crashed launcher or test JVM never leaves a broker behind.
 */
public final class ParentWatchAgent {

    private ParentWatchAgent() {
    }

    public static void premain(String arguments) {
        Thread watcher = new Thread(ParentWatchAgent::exitWhenParentGoes, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void exitWhenParentGoes() {
        InputStream parent = System.in;
        byte[] ignored = new byte[64];
        try {
            while (parent.read(ignored) >= 0) {
                // the parent never writes; reading only waits for end of stream
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of stream
        }
        System.exit(0);
    }
}
