package jp.mynahealth.idp.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import jp.mynahealth.common.OwnerOnlyFiles;

/**
 * The idp's token-signing key, made on first start and kept in the data folder, so tokens and the
 * portal's cached JWKS stay valid across restarts. Production would keep it in an HSM.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = new RSAKeyGenerator(3072).keyID(UUID.randomUUID().toString()).generate();
            if (OwnerOnlyFiles.createSecret(file, key.toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                return key;
            }
            // Another process made it first: every one signs with the same key.
            return RSAKey.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the token signing key in " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The token signing key in " + file + " is unusable", e);
        }
    }
}
