package jp.mynahealth.idp.card;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.x500.X500Principal;

/** The configured trust anchors (root CAs) and the issuing CAs that complete a card's chain. */
public record TrustedIssuers(Set<TrustAnchor> anchors, List<X509Certificate> intermediates) {

    private static final java.util.concurrent.ConcurrentMap<List<Object>, TrustedIssuers> LOADED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Both PEM files, read again only when one of them changes (a new trust anchor takes effect
     * without a restart); a missing file means logins cannot be checked, so they are refused with 503.
     */
    static TrustedIssuers load(Path anchorsFile, Path intermediatesFile) {
        List<Object> key = List.of(anchorsFile, intermediatesFile, modified(anchorsFile), modified(intermediatesFile));
        TrustedIssuers cached = LOADED.get(key);
        if (cached != null) {
            return cached;
        }
        TrustedIssuers fresh = read(anchorsFile, intermediatesFile);
        LOADED.keySet().removeIf(old -> old.get(0).equals(anchorsFile) && old.get(1).equals(intermediatesFile));
        LOADED.put(key, fresh);
        return fresh;
    }

    private static Object modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            throw new CardLoginException(LoginFailure.UNAVAILABLE, "cannot read trusted certificates from " + file, e);
        }
    }

    private static TrustedIssuers read(Path anchorsFile, Path intermediatesFile) {
        List<X509Certificate> roots = read(anchorsFile);
        if (roots.isEmpty()) {
            throw new CardLoginException(LoginFailure.UNAVAILABLE, "no trust anchor in " + anchorsFile);
        }
        return new TrustedIssuers(roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet()),
                read(intermediatesFile));
    }

    Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        X500Principal issuer = certificate.getIssuerX500Principal();
        return intermediates.stream().filter(ca -> ca.getSubjectX500Principal().equals(issuer)).findFirst();
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException | CertificateException e) {
            throw new CardLoginException(LoginFailure.UNAVAILABLE, "cannot read trusted certificates from " + file, e);
        }
    }
}
