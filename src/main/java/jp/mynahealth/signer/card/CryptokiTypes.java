package jp.mynahealth.signer.card;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** The PKCS#11 structures {@link Cryptoki} passes, laid out as the module expects them. */
final class CryptokiTypes {

    /** PKCS#11 structures are packed to the byte on Windows and naturally aligned elsewhere (the standard's platform notes). */
    static final boolean PACKED = Platform.isWindows();

    private CryptokiTypes() {
    }

    abstract static class Packed extends Structure {
        Packed() {
            super(PACKED ? ALIGN_NONE : ALIGN_DEFAULT);
        }
    }

    /** CK_C_INITIALIZE_ARGS: no mutex functions, the OS's own locking. */
    @Structure.FieldOrder({ "createMutex", "destroyMutex", "lockMutex", "unlockMutex", "flags", "reserved" })
    public static class InitializeArgs extends Packed {
        public Pointer createMutex;
        public Pointer destroyMutex;
        public Pointer lockMutex;
        public Pointer unlockMutex;
        public NativeLong flags;
        public Pointer reserved;
    }

    /** CK_SLOT_INFO. */
    @Structure.FieldOrder({ "slotDescription", "manufacturerID", "flags", "hardwareVersion", "firmwareVersion" })
    public static class SlotInfo extends Packed {
        public byte[] slotDescription = new byte[64];
        public byte[] manufacturerID = new byte[32];
        public NativeLong flags;
        public byte[] hardwareVersion = new byte[2];
        public byte[] firmwareVersion = new byte[2];
    }

    /** CK_TOKEN_INFO. */
    @Structure.FieldOrder({ "label", "manufacturerID", "model", "serialNumber", "flags", "maxSessionCount", "sessionCount",
            "maxRwSessionCount", "rwSessionCount", "maxPinLen", "minPinLen", "totalPublicMemory", "freePublicMemory",
            "totalPrivateMemory", "freePrivateMemory", "hardwareVersion", "firmwareVersion", "utcTime" })
    public static class TokenInfo extends Packed {
        public byte[] label = new byte[32];
        public byte[] manufacturerID = new byte[32];
        public byte[] model = new byte[16];
        public byte[] serialNumber = new byte[16];
        public NativeLong flags;
        public NativeLong maxSessionCount;
        public NativeLong sessionCount;
        public NativeLong maxRwSessionCount;
        public NativeLong rwSessionCount;
        public NativeLong maxPinLen;
        public NativeLong minPinLen;
        public NativeLong totalPublicMemory;
        public NativeLong freePublicMemory;
        public NativeLong totalPrivateMemory;
        public NativeLong freePrivateMemory;
        public byte[] hardwareVersion = new byte[2];
        public byte[] firmwareVersion = new byte[2];
        public byte[] utcTime = new byte[16];
    }

    /** CK_ATTRIBUTE. */
    @Structure.FieldOrder({ "type", "pValue", "ulValueLen" })
    public static class Attribute extends Packed {
        public NativeLong type;
        public Pointer pValue;
        public NativeLong ulValueLen;

        /** An attribute whose value is one CK_ULONG, as in a search template. */
        void set(long attributeType, long value) {
            Memory memory = new Memory(NativeLong.SIZE);
            memory.setNativeLong(0, new NativeLong(value));
            type = new NativeLong(attributeType);
            pValue = memory;
            ulValueLen = new NativeLong(NativeLong.SIZE);
        }
    }
}
