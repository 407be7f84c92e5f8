package jp.mynahealth.idp.kiosk;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.mynahealth.common.kiosk.TerminalKeys;

/** Reads the register of kiosk terminals (kept by the operator): the public key of a terminal in service. */
@Repository
public class KioskTerminalRegister {

    private final JdbcClient jdbc;

    public KioskTerminalRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for an unknown or retired terminal. */
    public Optional<PublicKey> keyOf(String terminalId) {
        Optional<byte[]> key = jdbc.sql("""
                select public_key from idp.kiosk_terminal
                where terminal_id = :id and retired_at is null
                """)
                .param("id", terminalId)
                .query(byte[].class)
                .optional();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TerminalKeys.publicKey(key.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The registered key of terminal " + terminalId + " is not an EC public key", e);
        }
    }
}
