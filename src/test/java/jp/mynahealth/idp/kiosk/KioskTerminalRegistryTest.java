package jp.mynahealth.idp.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.common.kiosk.TerminalKeys;
import jp.mynahealth.support.ReadStoreTest;

/** Registering a terminal: its private key on disk, its public key in the register, nothing half-done. */
@ReadStoreTest
class KioskTerminalRegistryTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @TempDir
    Path keys;

    private KioskTerminalRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new KioskTerminalRegistry(jdbc, transaction, clock);
    }

    @Test
    void aRegisteredTerminalsKeyFileMatchesItsRegisteredPublicKey() throws Exception {
        Path file = registry.register(new KioskTerminalRegistry.Terminal("reg-test-01", "試験市", "市役所1階"), keys);
        assertThat(registry.isRegistered("reg-test-01")).isTrue();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        PrivateKey key = TerminalKeys.readPrivateKey(file);
        byte[] registered = jdbc.sql("select public_key from idp.kiosk_terminal where terminal_id = 'reg-test-01'")
                .query(byte[].class).single();
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key);
        signature.update(new byte[] { 42 });
        byte[] signed = signature.sign();
        signature.initVerify(TerminalKeys.publicKey(registered));
        signature.update(new byte[] { 42 });
        assertThat(signature.verify(signed)).isTrue();
    }

    @Test
    void aTerminalIsNeverRegisteredTwiceNorItsKeyOverwritten() throws Exception {
        registry.register(new KioskTerminalRegistry.Terminal("reg-test-02", "試験市", "市役所2階"), keys);
        String before = Files.readString(keys.resolve("reg-test-02.key"));
        assertThatThrownBy(() -> registry.register(new KioskTerminalRegistry.Terminal("reg-test-02", "試験市", "別の場所"), keys))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
        assertThat(Files.readString(keys.resolve("reg-test-02.key"))).isEqualTo(before);

        Files.writeString(keys.resolve("reg-test-03.key"), "someone else's key");
        assertThatThrownBy(() -> registry.register(new KioskTerminalRegistry.Terminal("reg-test-03", "試験市", "出張所"), keys))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThat(registry.isRegistered("reg-test-03")).isFalse();
    }

    @Test
    void badInputLeavesNothingBehind() {
        assertThatThrownBy(() -> registry.register(new KioskTerminalRegistry.Terminal("Bad Id!", "試験市", "x"), keys))
                .isInstanceOf(IllegalArgumentException.class);
        // The database refuses an empty place: the key file written first is removed again.
        assertThatThrownBy(() -> registry.register(new KioskTerminalRegistry.Terminal("reg-test-04", "試験市", ""), keys))
                .isInstanceOf(RuntimeException.class);
        assertThat(keys.resolve("reg-test-04.key")).doesNotExist();
        assertThat(registry.isRegistered("reg-test-04")).isFalse();
    }
}
