package jp.mynahealth.signer.card;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

import jp.mynahealth.signer.card.CryptokiTypes.Attribute;
import jp.mynahealth.signer.card.CryptokiTypes.InitializeArgs;
import jp.mynahealth.signer.card.CryptokiTypes.SlotInfo;
import jp.mynahealth.signer.card.CryptokiTypes.TokenInfo;

/**
 * The few read-only PKCS#11 calls that SunPKCS11 does not offer through the JCA: which slots hold
 * a token, the token's PIN flags, and the certificates a token shows without a login. SunPKCS11
 * keeps the PIN, the login and the signature; no PIN ever passes here. Reached through JNA because
 * the JDK's own wrapper is not exported (it would need --add-exports, which javac refuses with
 * --release, on every launcher). The module is initialised once per process, with OS locking, and
 * never finalised: SunPKCS11 shares it.
 */
final class Cryptoki {

    static final long CKF_TOKEN_PRESENT = 0x1;
    static final long CKF_TOKEN_INITIALIZED = 0x400;
    static final long CKF_USER_PIN_COUNT_LOW = 0x10000;
    static final long CKF_USER_PIN_FINAL_TRY = 0x20000;
    static final long CKF_USER_PIN_LOCKED = 0x40000;

    private static final Logger log = LoggerFactory.getLogger(Cryptoki.class);
    private static final long CKR_OK = 0x0;
    private static final long CKR_BUFFER_TOO_SMALL = 0x150;
    private static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    private static final long CKF_OS_LOCKING_OK = 0x2;
    private static final long CKF_SERIAL_SESSION = 0x4;
    private static final long CKA_CLASS = 0x0;
    private static final long CKA_VALUE = 0x11;
    private static final long CKA_CERTIFICATE_TYPE = 0x80;
    private static final long CKO_CERTIFICATE = 0x1;
    private static final long CKC_X_509 = 0x0;
    /** Places in CK_FUNCTION_LIST, in the standard's order. */
    private static final int C_INITIALIZE = 0;
    private static final int C_GET_SLOT_LIST = 4;
    private static final int C_GET_SLOT_INFO = 5;
    private static final int C_GET_TOKEN_INFO = 6;
    private static final int C_OPEN_SESSION = 12;
    private static final int C_CLOSE_SESSION = 13;
    private static final int C_GET_ATTRIBUTE_VALUE = 24;
    private static final int C_FIND_OBJECTS_INIT = 26;
    private static final int C_FIND_OBJECTS = 27;
    private static final int C_FIND_OBJECTS_FINAL = 28;
    private static final ConcurrentMap<Path, Cryptoki> MODULES = new ConcurrentHashMap<>();

    /** A token in a slot, as it shows itself without a login. */
    record Token(long slot, String label, long flags, List<X509Certificate> certificates) {

        PinState pinState() {
            if ((flags & CKF_USER_PIN_LOCKED) != 0) {
                return PinState.LOCKED;
            }
            if ((flags & CKF_USER_PIN_FINAL_TRY) != 0) {
                return PinState.FINAL_TRY;
            }
            return (flags & CKF_USER_PIN_COUNT_LOW) != 0 ? PinState.COUNT_LOW : PinState.OK;
        }
    }

    private final Path library;
    private final Pointer functions;

    private Cryptoki(Path library) {
        this.library = library;
        NativeLibrary module;
        try {
            module = NativeLibrary.getInstance(library.toString());
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("Cannot load the PKCS#11 module " + library + ": " + e.getMessage(), e);
        }
        PointerByReference list = new PointerByReference();
        long rv = invoke(module.getFunction("C_GetFunctionList"), list);
        if (rv != CKR_OK) {
            throw new IllegalStateException("C_GetFunctionList of " + library + " returned " + code(rv));
        }
        this.functions = list.getValue();
        InitializeArgs args = new InitializeArgs();
        args.flags = new NativeLong(CKF_OS_LOCKING_OK);
        rv = call(C_INITIALIZE, args);
        if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
            throw new IllegalStateException("C_Initialize of " + library + " returned " + code(rv));
        }
    }

    static Cryptoki of(Path library) {
        return MODULES.computeIfAbsent(library.toAbsolutePath().normalize(), Cryptoki::new);
    }

    /** The slot ids, all or only those with a token present; empty when the module cannot say. */
    long[] slots(boolean tokenPresent) {
        byte present = (byte) (tokenPresent ? 1 : 0);
        // Readers come and go between the two calls: ask again when the list grew.
        for (int attempt = 0; attempt < 3; attempt++) {
            NativeLongByReference count = new NativeLongByReference();
            long rv = call(C_GET_SLOT_LIST, present, null, count);
            if (failed("C_GetSlotList", rv) || count.getValue().longValue() == 0) {
                return new long[0];
            }
            Memory ids = new Memory(count.getValue().longValue() * NativeLong.SIZE);
            rv = call(C_GET_SLOT_LIST, present, ids, count);
            if (rv == CKR_OK) {
                long[] slots = new long[(int) count.getValue().longValue()];
                for (int i = 0; i < slots.length; i++) {
                    slots[i] = ids.getNativeLong((long) i * NativeLong.SIZE).longValue();
                }
                return slots;
            }
            if (rv != CKR_BUFFER_TOO_SMALL) {
                failed("C_GetSlotList", rv);
                return new long[0];
            }
        }
        return new long[0];
    }

    /**
     * The token in the slot, if one is present, initialised and readable now. A card taken out of
     * its reader answers "not present", or an error to one of these calls: either way, no token.
     */
    Optional<Token> token(long slot) {
        SlotInfo slotInfo = new SlotInfo();
        long rv = call(C_GET_SLOT_INFO, new NativeLong(slot), slotInfo);
        if (failed("C_GetSlotInfo", rv) || (slotInfo.flags.longValue() & CKF_TOKEN_PRESENT) == 0) {
            return Optional.empty();
        }
        TokenInfo tokenInfo = new TokenInfo();
        rv = call(C_GET_TOKEN_INFO, new NativeLong(slot), tokenInfo);
        if (failed("C_GetTokenInfo", rv) || (tokenInfo.flags.longValue() & CKF_TOKEN_INITIALIZED) == 0) {
            return Optional.empty();
        }
        return certificates(slot).map(certificates -> new Token(slot,
                new String(tokenInfo.label, StandardCharsets.UTF_8).strip(), tokenInfo.flags.longValue(), certificates));
    }

    /** The X.509 certificates the token shows in a public session, in the token's order. */
    private Optional<List<X509Certificate>> certificates(long slot) {
        NativeLongByReference session = new NativeLongByReference();
        if (failed("C_OpenSession", call(C_OPEN_SESSION, new NativeLong(slot), new NativeLong(CKF_SERIAL_SESSION), null,
                null, session))) {
            return Optional.empty();
        }
        try {
            List<Long> handles = new ArrayList<>();
            Attribute[] template = (Attribute[]) new Attribute().toArray(2);
            template[0].set(CKA_CLASS, CKO_CERTIFICATE);
            template[1].set(CKA_CERTIFICATE_TYPE, CKC_X_509);
            if (failed("C_FindObjectsInit", call(C_FIND_OBJECTS_INIT, session.getValue(), template,
                    new NativeLong(template.length)))) {
                return Optional.empty();
            }
            try {
                Memory found = new Memory(16L * NativeLong.SIZE);
                NativeLongByReference count = new NativeLongByReference();
                do {
                    if (failed("C_FindObjects", call(C_FIND_OBJECTS, session.getValue(), found, new NativeLong(16), count))) {
                        return Optional.empty();
                    }
                    for (long i = 0; i < count.getValue().longValue(); i++) {
                        handles.add(found.getNativeLong(i * NativeLong.SIZE).longValue());
                    }
                } while (count.getValue().longValue() > 0 && handles.size() < 256);
            } finally {
                call(C_FIND_OBJECTS_FINAL, session.getValue());
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (long handle : handles) {
                Optional<byte[]> value = value(session.getValue(), handle);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                try {
                    certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(value.get())));
                } catch (GeneralSecurityException e) {
                    log.debug("Skipped a certificate on the token in slot {} of {}: {}", slot, library, e.getMessage());
                }
            }
            return Optional.of(certificates);
        } finally {
            call(C_CLOSE_SESSION, session.getValue());
        }
    }

    private Optional<byte[]> value(NativeLong session, long handle) {
        Attribute attribute = new Attribute();
        attribute.type = new NativeLong(CKA_VALUE);
        if (failed("C_GetAttributeValue", call(C_GET_ATTRIBUTE_VALUE, session, new NativeLong(handle), attribute,
                new NativeLong(1)))) {
            return Optional.empty();
        }
        long length = attribute.ulValueLen.longValue();
        if (length <= 0 || length > 64 * 1024) {
            return Optional.empty();
        }
        Memory value = new Memory(length);
        attribute.pValue = value;
        if (failed("C_GetAttributeValue", call(C_GET_ATTRIBUTE_VALUE, session, new NativeLong(handle), attribute,
                new NativeLong(1)))) {
            return Optional.empty();
        }
        return Optional.of(value.getByteArray(0, (int) attribute.ulValueLen.longValue()));
    }

    private boolean failed(String function, long rv) {
        if (rv != CKR_OK) {
            log.debug("{} of {} returned {}", function, library, code(rv));
            return true;
        }
        return false;
    }

    private long call(int index, Object... arguments) {
        long offset = (CryptokiTypes.PACKED ? 2 : Native.POINTER_SIZE) + (long) index * Native.POINTER_SIZE;
        return invoke(Function.getFunction(functions.getPointer(offset)), arguments);
    }

    private static long invoke(Function function, Object... arguments) {
        return ((NativeLong) function.invoke(NativeLong.class, arguments)).longValue();
    }

    private static String code(long rv) {
        return "CKR 0x" + Long.toHexString(rv);
    }
}
