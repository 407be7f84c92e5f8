package jp.mynahealth.taxapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;

/**
 * The root certificate a notice must be signed under, read from a PEM file at each verification:
 * the demo issuer writes it on its first start, which may come after this app's.
 */
final class TrustAnchorFile implements Supplier<X509Certificate> {

    private final Path file;

    TrustAnchorFile(Path file) {
        this.file = file;
    }

    @Override
    public X509Certificate get() {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new NoticeSignatureException("no usable trust anchor in " + file, e);
        }
    }
}
