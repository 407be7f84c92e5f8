package jp.mynahealth.signer.card;

import java.security.cert.X509Certificate;

/** A card the signer can see: a soft card in the data folder or a token behind PKCS#11. */
public interface Card {

    /** Stable id within its back-end, used in the PIN form. */
    String id();

    /** What the citizen sees in the list. */
    String label();

    PinState pinState();

    default boolean locked() {
        return pinState() == PinState.LOCKED;
    }

    /**
     * Unlocks the card's authentication key with the PIN and signs the data (RSA PKCS#1 v1.5 with
     * SHA-256), returning the signature and the card's certificate.
     *
     * @throws CardException.WrongPin    the PIN is wrong (with the tries left, when the card says)
     * @throws CardException.Locked      the card is locked, now or by this attempt
     * @throws CardException.Unsupported the card holds no usable authentication key
     * @throws CardException.NotFound    the card has left the reader
     */
    Signed sign(char[] pin, byte[] data);

    /** A signature and the certificate of the key that made it. */
    record Signed(byte[] signature, X509Certificate certificate) {
    }
}
