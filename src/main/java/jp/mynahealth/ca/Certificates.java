package jp.mynahealth.ca;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The certificate profiles of the demo JPKI-like hierarchy, made with Bouncy Castle. */
final class Certificates {

    static final String ANY_POLICY = "2.5.29.32.0";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    /** A positive random serial of about 128 bits, as RFC 5280 recommends. */
    static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    static X509Certificate root(X500Name name, KeyPair keys, Instant from, Instant to) {
        return build(new JcaX509v3CertificateBuilder(name, serial(), Date.from(from), Date.from(to), name, keys.getPublic()),
                keys, null, keys.getPrivate(), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
    }

    static X509Certificate issuingCa(X500Name name, KeyPair keys, X509Certificate root, PrivateKey rootKey, Instant from,
            Instant to) {
        return build(new JcaX509v3CertificateBuilder(root, serial(), Date.from(from), Date.from(to), name, keys.getPublic()),
                keys, root, rootKey, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    // The issuing CA lets any policy through, so the card's own policy is what relying parties check.
                    builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                            new PolicyInformation(new ASN1ObjectIdentifier(ANY_POLICY))));
                });
    }

    /** A delegated OCSP responder: may sign OCSP answers for its issuer, and is itself not checked for revocation. */
    static X509Certificate ocspResponder(X500Name name, KeyPair keys, X509Certificate issuer, PrivateKey issuerKey,
            Instant from, Instant to) {
        return build(new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(to), name, keys.getPublic()),
                keys, issuer, issuerKey, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                    builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                });
    }

    /** A document-signing certificate for a data provider (the insurer side that signs e-Tax files). */
    static X509Certificate documentSigner(X500Name name, KeyPair keys, X509Certificate issuer, PrivateKey issuerKey,
            Instant from, Instant to) {
        return build(new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(to), name, keys.getPublic()),
                keys, issuer, issuerKey, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                });
    }

    /**
     * A user-authentication card certificate: subject only {@code C=JP, CN=<opaque>}, key usage
     * digitalSignature, the user-authentication policy, and where to ask about revocation.
     */
    static X509Certificate card(BigInteger serial, KeyPair keys, X509Certificate issuer, PrivateKey issuerKey, Instant from,
            Instant to, String policy, String caUrl) {
        X500Name subject = new X500Name("C=JP, CN=" + new BigInteger(128, RANDOM).toString(16));
        return build(new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(to), subject, keys.getPublic()),
                keys, issuer, issuerKey, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                            new PolicyInformation(new ASN1ObjectIdentifier(policy))));
                    builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                            AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, caUrl + "/ocsp")));
                    builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(
                                GeneralName.uniformResourceIdentifier, caUrl + "/crl/user-auth.crl"))), null, null) }));
                });
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private static X509Certificate build(X509v3CertificateBuilder builder, KeyPair subjectKeys, X509Certificate issuer,
            PrivateKey signingKey, Extensions extensions) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                    ? utils.createAuthorityKeyIdentifier(subjectKeys.getPublic())
                    : utils.createAuthorityKeyIdentifier(issuer));
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
        } catch (CertIOException | OperatorCreationException | CertificateException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not make a certificate: " + e.getMessage(), e);
        }
    }
}
