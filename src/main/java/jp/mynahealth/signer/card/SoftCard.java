package jp.mynahealth.signer.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A card kept as a PKCS#12 file (the PIN is its password) and a state file holding the PIN retry
 * counter, like the chip's own: three wrong PINs in a row lock it for good, a right PIN resets
 * the count, and the count survives restarts.
 */
final class SoftCard implements Card {

    static final int MAX_TRIES = 3;
    static final String KEY_ALIAS = "auth";
    /** One lock per card file, so two tabs cannot race the retry counter. */
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final String id;
    private final Path store;
    private final Path state;

    SoftCard(String id, Path store, Path state) {
        this.id = id;
        this.store = store;
        this.state = state;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return readState().getProperty("label", id);
    }

    @Override
    public PinState pinState() {
        Properties current = readState();
        if (Boolean.parseBoolean(current.getProperty("locked", "false"))) {
            return PinState.LOCKED;
        }
        int failures = Integer.parseInt(current.getProperty("failures", "0"));
        if (failures >= MAX_TRIES - 1) {
            return PinState.FINAL_TRY;
        }
        return failures > 0 ? PinState.COUNT_LOW : PinState.OK;
    }

    @Override
    public Signed sign(char[] pin, byte[] data) {
        synchronized (LOCKS.computeIfAbsent(store.toAbsolutePath(), path -> new Object())) {
            Properties current = readState();
            if (Boolean.parseBoolean(current.getProperty("locked", "false"))) {
                throw new CardException.Locked();
            }
            KeyStore keys;
            try (InputStream in = Files.newInputStream(store)) {
                keys = KeyStore.getInstance("PKCS12");
                keys.load(in, pin);
            } catch (IOException e) {
                if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                    throw wrongPin(current);
                }
                throw new CardException.Unsupported("the card cannot be read: " + e.getMessage());
            } catch (GeneralSecurityException e) {
                throw new CardException.Unsupported("the card cannot be read: " + e.getMessage());
            }
            current.setProperty("failures", "0");
            writeState(current);
            try {
                Key key = keys.getKey(KEY_ALIAS, pin);
                if (!(key instanceof RSAPrivateKey) || !(keys.getCertificate(KEY_ALIAS) instanceof X509Certificate certificate)) {
                    throw new CardException.Unsupported("no RSA authentication key named " + KEY_ALIAS);
                }
                Signature signer = Signature.getInstance("SHA256withRSA");
                signer.initSign((PrivateKey) key);
                signer.update(data);
                return new Signed(signer.sign(), certificate);
            } catch (GeneralSecurityException e) {
                throw new CardException.Unsupported("the key cannot sign: " + e.getMessage());
            }
        }
    }

    private CardException wrongPin(Properties current) {
        int failures = Integer.parseInt(current.getProperty("failures", "0")) + 1;
        current.setProperty("failures", String.valueOf(failures));
        if (failures >= MAX_TRIES) {
            current.setProperty("locked", "true");
        }
        writeState(current);
        return failures >= MAX_TRIES ? new CardException.Locked() : new CardException.WrongPin(MAX_TRIES - failures);
    }

    private Properties readState() {
        Properties properties = new Properties();
        if (Files.exists(state)) {
            try (Reader in = Files.newBufferedReader(state, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the card state " + state, e);
            }
        }
        return properties;
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a counter. */
    private void writeState(Properties properties) {
        try {
            // The byte stream form escapes the Japanese label as \\uXXXX, as properties files need.
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            properties.store(bytes, "Soft card state: the PIN retry counter, kept like the card's own");
            Path temporary = Files.createTempFile(state.getParent(), id, ".state");
            Files.write(temporary, bytes.toByteArray());
            Files.move(temporary, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the card state " + state, e);
        }
    }
}
