package io.covenant.prediction;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.modulith.NamedInterface;

/**
 * Loads LightGBM's native libraries from a directory of this process's own. lightgbm4j extracts them, when its class
 * is initialised, into the temporary directory under fixed names and overwrites them in place, which crashes any
 * other JVM on the host that has them mapped (two nodes on one machine, a rolling restart). Pointing the temporary
 * directory at a private one for that moment gives each process a copy nobody rewrites. Training loads them the same
 * way, hence public in the {@code model} interface.
 */
@NamedInterface("model")
public final class LightGbmNative {

    private static boolean loaded;

    private LightGbmNative() {}

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        String temporary = System.getProperty("java.io.tmpdir");
        try {
            Path directory = Files.createTempDirectory("covenant-lightgbm-");
            directory.toFile().deleteOnExit();
            System.setProperty("java.io.tmpdir", directory.toString());
            Class.forName(LGBMBooster.class.getName(), true, LGBMBooster.class.getClassLoader());
            try (var files = Files.list(directory)) {
                files.forEach(f -> f.toFile().deleteOnExit());
            }
            loaded = true;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot extract LightGBM's native libraries", ex);
        } catch (ClassNotFoundException ex) {
            throw new IllegalStateException(ex);
        } finally {
            System.setProperty("java.io.tmpdir", temporary);
        }
    }
}
