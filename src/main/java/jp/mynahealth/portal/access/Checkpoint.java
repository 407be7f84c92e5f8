package jp.mynahealth.portal.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The heads of all chains at one moment, signed. Its text form, one line each:
 * {@code myna-access-log-checkpoint 1}, {@code written <instant>}, {@code chain <id> <seq> <hash hex or ->}
 * for every chain, and {@code signature Ed25519 <Base64>} over every byte before that line.
 */
record Checkpoint(Instant written, Map<Integer, Head> heads) {

    private static final String MAGIC = "myna-access-log-checkpoint 1";
    private static final String SIGNATURE = "signature Ed25519 ";

    /** A chain's last row: its place, and its hash (null while the chain is empty). */
    record Head(long seq, byte[] hash) {
    }

    String signedText(PrivateKey key) {
        String body = body();
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(body.getBytes(StandardCharsets.UTF_8));
            return body + SIGNATURE + Base64.getEncoder().encodeToString(signer.sign()) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a checkpoint: " + e.getMessage(), e);
        }
    }

    private String body() {
        StringBuilder text = new StringBuilder(MAGIC).append('\n').append("written ").append(written).append('\n');
        heads.forEach((chain, head) -> text.append("chain ").append(chain).append(' ').append(head.seq()).append(' ')
                .append(head.hash() == null ? "-" : HexFormat.of().formatHex(head.hash())).append('\n'));
        return text.toString();
    }

    /** Reads a checkpoint, refusing (IllegalArgumentException, saying why) one not signed by {@code key}. */
    static Checkpoint parse(String text, PublicKey key) {
        int signatureAt = text.lastIndexOf("\n" + SIGNATURE);
        if (!text.startsWith(MAGIC + "\n") || signatureAt < 0) {
            throw new IllegalArgumentException("not a checkpoint (no header or no signature line)");
        }
        String body = text.substring(0, signatureAt + 1);
        String signature = text.substring(signatureAt + 1 + SIGNATURE.length()).strip();
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(body.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(signature))) {
                throw new IllegalArgumentException("its signature does not verify with the portal's checkpoint key");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("its signature cannot be checked: " + e.getMessage(), e);
        }
        Instant written = null;
        Map<Integer, Head> heads = new TreeMap<>();
        for (String line : body.split("\n")) {
            String[] field = line.split(" ");
            if (field[0].equals("written") && field.length == 2) {
                written = Instant.parse(field[1]);
            } else if (field[0].equals("chain") && field.length == 4) {
                heads.put(Integer.parseInt(field[1]), new Head(Long.parseLong(field[2]),
                        field[3].equals("-") ? null : HexFormat.of().parseHex(field[3])));
            }
        }
        if (written == null) {
            throw new IllegalArgumentException("no 'written' line");
        }
        return new Checkpoint(written, heads);
    }
}
