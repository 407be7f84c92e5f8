package jp.mynahealth.taxapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import org.springframework.util.StringUtils;

/**
 * The demo app's client secret at the idp: the property when set, else the file the idp writes
 * when it registers the app. Read at each use, never at start: the idp may start after this app,
 * and a secret it writes anew is picked up without a restart.
 */
final class ClientSecret {

    private final TaxAppProperties properties;

    ClientSecret(TaxAppProperties properties) {
        this.properties = properties;
    }

    Optional<String> read() {
        if (StringUtils.hasText(properties.clientSecret())) {
            return Optional.of(properties.clientSecret().strip());
        }
        if (properties.clientSecretFile() == null || !Files.isRegularFile(properties.clientSecretFile())) {
            return Optional.empty();
        }
        try {
            String secret = Files.readString(properties.clientSecretFile(), StandardCharsets.UTF_8).strip();
            return secret.isEmpty() ? Optional.empty() : Optional.of(secret.lines().findFirst().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the client secret in " + properties.clientSecretFile(), e);
        }
    }
}
