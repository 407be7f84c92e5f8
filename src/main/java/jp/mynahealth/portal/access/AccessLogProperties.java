package jp.mynahealth.portal.access;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Where the access log's secrets and checkpoints live. The HMAC key and the checkpoint signing key
 * are files outside the database (owner-only; every portal instance reads the same ones); the
 * checkpoints belong on storage the database's administrators cannot rewrite.
 *
 * @param keyFile            the chain's HMAC key (32 random bytes, Base64)
 * @param signingKeyFile     the Ed25519 private key that signs checkpoints (PKCS#8 PEM); its public
 *                           key is written beside it as {@code <name>.pub}
 * @param checkpointDir      where signed checkpoints of the chain heads are written
 * @param checkpointInterval how often a checkpoint is written
 */
@ConfigurationProperties("myna.access-log")
public record AccessLogProperties(Path keyFile, Path signingKeyFile, Path checkpointDir, Duration checkpointInterval) {

    public AccessLogProperties {
        if (keyFile == null || signingKeyFile == null || checkpointDir == null) {
            throw new IllegalArgumentException("myna.access-log.key-file, signing-key-file and checkpoint-dir must be set");
        }
        if (checkpointInterval == null || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            checkpointInterval = Duration.ofMinutes(5);
        }
    }

    /** For the commands that run without the portal's context (the verifier). */
    public static AccessLogProperties from(Environment environment) {
        return Binder.get(environment).bind("myna.access-log", AccessLogProperties.class)
                .orElseThrow(() -> new IllegalStateException("myna.access-log.* is not configured"));
    }

    Path publicKeyFile() {
        return signingKeyFile.resolveSibling(signingKeyFile.getFileName() + ".pub");
    }
}
