package jp.mynahealth.common.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's passwords, one random password per login, in a file only its owner may
 * read or write (mode 600). The format is PostgreSQL's password file ({@code *:*:*:role:password}),
 * so {@code PGPASSFILE=<file> psql -h 127.0.0.1 -p <port> -U myna_owner myna} works as it is.
 */
final class PasswordFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Logger log = LoggerFactory.getLogger(PasswordFile.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> passwords;

    private PasswordFile(Path file, Map<String, String> passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    /**
     * Reads the file, adding a fresh password for every login it does not name yet (all of them on
     * the first start); the file is replaced whole, never half written, and never readable by others.
     */
    static PasswordFile loadOrCreate(Path file, List<String> logins) {
        try {
            boolean existed = Files.exists(file);
            Map<String, String> passwords = existed ? read(file) : new LinkedHashMap<>();
            if (existed) {
                keepOwnerOnly(file, OWNER_ONLY);
            }
            boolean added = false;
            for (String login : logins) {
                if (!passwords.containsKey(login)) {
                    passwords.put(login, randomPassword());
                    added = true;
                }
            }
            if (added) {
                write(file, passwords);
            }
            return new PasswordFile(file, passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the database password file " + file, e);
        }
    }

    DatabaseLogin login(String username) {
        String password = passwords.get(username);
        if (password == null) {
            throw new IllegalStateException(file + " holds no password for " + username);
        }
        return new DatabaseLogin(username, password);
    }

    Path path() {
        return file;
    }

    /** 32 random bytes, base64url: no character that needs quoting in SQL or in the password file. */
    static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes {@code text} to a new file that is owner-only from its first byte, then moves it into place. */
    static void writeOwnerOnly(Path target, String text) throws IOException {
        Path temporary;
        if (posix()) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp", ownerOnly);
        } else {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        }
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void write(Path file, Map<String, String> passwords) throws IOException {
        StringBuilder text = new StringBuilder("# The embedded PostgreSQL's logins (written by the app; PostgreSQL password file format)\n");
        passwords.forEach((login, password) -> text.append("*:*:*:").append(login).append(':').append(password).append('\n'));
        writeOwnerOnly(file, text.toString());
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        List<Integer> malformed = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(":", -1);
            if (fields.length != 5 || fields[3].isEmpty() || fields[4].isEmpty()) {
                malformed.add(i + 1);
                continue;
            }
            passwords.put(fields[3], fields[4]);
        }
        if (!malformed.isEmpty()) {
            throw new IllegalStateException(file + " has lines that are not *:*:*:role:password (line numbers " + malformed + ")");
        }
        return passwords;
    }

    /** Sets a file or folder back to owner-only if anyone else could read, write or enter it. */
    static void keepOwnerOnly(Path path, Set<PosixFilePermission> ownerOnly) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(path).equals(ownerOnly)) {
            if (Files.isRegularFile(path)) {
                log.warn("{} was open to others: set back to owner-only", path);
            }
            Files.setPosixFilePermissions(path, ownerOnly);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
