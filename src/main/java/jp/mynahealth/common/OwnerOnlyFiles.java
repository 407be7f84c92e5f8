package jp.mynahealth.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Keys and passwords: written whole (a partly written key never exists) and readable by their owner
 * only, where the file system can say so.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Writes the file if it does not exist yet; returns false when another process was first. */
    public static boolean createSecret(Path file, byte[] content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".secret", ".tmp");
        try {
            restrict(temporary);
            Files.write(temporary, content);
            try {
                Files.createLink(file, temporary);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                return false;
            } catch (UnsupportedOperationException noLinks) {
                if (Files.exists(file)) {
                    return false;
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply.
        }
    }
}
