package jp.mynahealth.ca;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Keys and passwords are readable by their owner only, where the file system can say so. */
final class OwnerOnly {

    private OwnerOnly() {
    }

    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply.
        }
    }
}
