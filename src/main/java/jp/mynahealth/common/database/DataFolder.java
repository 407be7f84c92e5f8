package jp.mynahealth.common.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local folder that keeps what must survive a restart (embedded database, demo keys). */
public record DataFolder(Path root) {

    public DataFolder {
        root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + root, e);
        }
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }
}
