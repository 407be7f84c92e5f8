package jp.mynahealth.idp.kiosk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.common.kiosk.TerminalKeys;

/**
 * Registers kiosk terminals: a new key pair per terminal, the private key written for installing
 * on the terminal, the public key into {@code idp.kiosk_terminal}, where {@link KioskTerminalRegister}
 * finds it when the terminal's kiosk logs in.
 */
class KioskTerminalRegistry {

    /** A terminal as registered. */
    record Terminal(String id, String municipality, String place) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    KioskTerminalRegistry(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    boolean isRegistered(String terminalId) {
        return jdbc.sql("select exists (select 1 from idp.kiosk_terminal where terminal_id = :id)")
                .param("id", terminalId).query(Boolean.class).single();
    }

    /**
     * Registers the terminal and writes its private key to {@code keyFolder/<id>.key}. Refuses an id
     * already registered or a key file already there (a terminal's key is never silently replaced).
     * The row is written only once the key file is, and the file is removed if the row cannot be.
     */
    Path register(Terminal terminal, Path keyFolder) {
        if (!terminal.id().matches("[a-z0-9][a-z0-9-]{2,62}")) {
            throw new IllegalArgumentException("a terminal id is 3 to 63 lower-case letters, digits and '-': " + terminal.id());
        }
        if (isRegistered(terminal.id())) {
            throw new IllegalArgumentException("terminal " + terminal.id() + " is already registered");
        }
        Path keyFile = keyFolder.resolve(terminal.id() + ".key");
        if (Files.exists(keyFile)) {
            throw new IllegalArgumentException("a key file for " + terminal.id() + " already exists: " + keyFile);
        }
        KeyPair keys = TerminalKeys.generate();
        TerminalKeys.writePrivateKey(keyFile, keys.getPrivate());
        try {
            transaction.executeWithoutResult(status -> jdbc.sql("""
                    insert into idp.kiosk_terminal (terminal_id, municipality, place, public_key, registered_at)
                    values (:id, :municipality, :place, :key, :now)
                    """)
                    .param("id", terminal.id()).param("municipality", terminal.municipality())
                    .param("place", terminal.place()).param("key", keys.getPublic().getEncoded())
                    .param("now", Timestamp.from(clock.instant()))
                    .update());
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(keyFile);
            } catch (java.io.IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return keyFile;
    }
}
