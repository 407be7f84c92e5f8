package jp.mynahealth.idp.card;

import jp.mynahealth.common.cardlogin.SignedData;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
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
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A throwaway card PKI for the idp's tests, built here with Bouncy Castle so every refusal can be
 * provoked: a root, an issuing CA, a delegated OCSP responder, cards of every kind, and an OCSP and
 * CRL server on loopback whose answers the test controls.
 */
public final class TestPki implements AutoCloseable {

    static final String POLICY = "2.25.171092932300057496190158256927025119980";
    static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    final KeyPair rootKeys = keys(2048);
    final X509Certificate root;
    final KeyPair issuerKeys = keys(2048);
    final X509Certificate issuer;
    final KeyPair responderKeys = keys(2048);
    final X509Certificate responder;
    final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    volatile boolean ocspUp = true;
    volatile boolean crlUp = true;
    /** When set, OCSP answers are signed with this stranger's key instead of the responder's. */
    volatile KeyPair ocspSignerOverride;
    volatile Nonce ocspNonce;
    volatile OcspClaim ocspClaim;
    volatile Instant ocspThisUpdate;
    /** Null: the answer names no nextUpdate. */
    volatile Instant ocspNextUpdate;
    /** When set, the CRL is signed with this stranger's key instead of the issuer's. */
    volatile KeyPair crlSignerOverride;
    volatile Instant crlThisUpdate;
    /** Null: the CRL names no nextUpdate. */
    volatile Duration crlValidity;
    /** How long the CRL server takes to answer. */
    volatile Duration crlDelay;
    /** Requests the servers received, answered or not. */
    final AtomicInteger ocspHits = new AtomicInteger();
    final AtomicInteger crlHits = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);

    /** What the OCSP server says of every certificate: the truth (good, or revoked when listed), or a fixed status. */
    enum OcspClaim {
        TRUTH, GOOD, UNKNOWN
    }

    /** What the OCSP server does with the request's nonce. */
    enum Nonce {
        ECHO, OMIT, REPLACE
    }

    /** How a test card differs from a good one. */
    public record CardSpec(boolean expired, boolean signingKeyUsage, boolean policy) {
        public static CardSpec good() {
            return new CardSpec(false, true, true);
        }
    }

    public record Card(X509Certificate certificate, PrivateKey key) {
    }

    public TestPki(String name) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ocsp", this::ocsp);
        server.createContext("/crl", this::crl);
        // Concurrent requests are answered concurrently, as by a real responder.
        server.setExecutor(handlers);
        server.start();
        reset();
        root = certificate(new X500Name("CN=" + name + " Root, O=Test, C=JP"), rootKeys, rootKeys.getPrivate(),
                new X500Name("CN=" + name + " Root, O=Test, C=JP"), true, null, false, true, null, null);
        issuer = certificate(new X500Name("CN=" + name + " User Authentication CA, OU=JPKI for user authentication, O=Test, C=JP"),
                issuerKeys, rootKeys.getPrivate(), X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), true,
                null, false, true, null, null);
        responder = certificate(new X500Name("CN=" + name + " OCSP, O=Test, C=JP"), responderKeys, issuerKeys.getPrivate(),
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), false, null, false, true,
                KeyPurposeId.id_kp_OCSPSigning, null);
    }

    /** Both servers up, answering correctly and at once; counts back to zero. */
    void reset() {
        ocspUp = true;
        crlUp = true;
        ocspSignerOverride = null;
        ocspNonce = Nonce.ECHO;
        ocspClaim = OcspClaim.TRUTH;
        ocspThisUpdate = NOW;
        ocspNextUpdate = NOW.plus(1, ChronoUnit.HOURS);
        crlSignerOverride = null;
        crlThisUpdate = NOW;
        crlValidity = Duration.ofDays(1);
        crlDelay = Duration.ZERO;
        ocspHits.set(0);
        crlHits.set(0);
    }

    public Card card(CardSpec spec) throws Exception {
        return card(spec, "test.crl");
    }

    /** A card naming its own CRL distribution point on this server, so its CRL is cached apart from others'. */
    public Card card(CardSpec spec, String crlName) throws Exception {
        KeyPair keys = keys(2048);
        X509Certificate certificate = certificate(new X500Name("CN=" + new BigInteger(128, RANDOM).toString(16) + ", C=JP"),
                keys, issuerKeys.getPrivate(), X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), false,
                spec.policy() ? POLICY : null, spec.expired(), spec.signingKeyUsage(), null, crlName);
        return new Card(certificate, keys.getPrivate());
    }

    /** The auth token a signer would send for this card, origin and challenge. */
    public static String token(Card card, String origin, String challenge) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(card.key());
        signer.update(SignedData.of(origin, challenge));
        return "{\"format\":\"myna-auth:1\",\"certificate\":\""
                + Base64.getEncoder().encodeToString(card.certificate().getEncoded())
                + "\",\"algorithm\":\"RS256\",\"signature\":\"" + Base64.getEncoder().encodeToString(signer.sign())
                + "\",\"signerVersion\":\"test\"}";
    }

    void writeTrust(Path anchors, Path intermediates) throws IOException {
        Files.writeString(anchors, pem(root));
        Files.writeString(intermediates, pem(issuer));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** {@code crlName}: a card's CRL on this server (the card also names this OCSP server); null for the PKI's own certificates. */
    private X509Certificate certificate(X500Name subject, KeyPair keys, PrivateKey signerKey, X500Name issuerName, boolean ca,
            String policy, boolean expired, boolean signingKeyUsage, KeyPurposeId purpose, String crlName) throws Exception {
        Instant from = expired ? NOW.minus(6 * 365, ChronoUnit.DAYS) : NOW.minus(1, ChronoUnit.DAYS);
        Instant to = expired ? NOW.minus(365, ChronoUnit.DAYS) : NOW.plus(5 * 365, ChronoUnit.DAYS);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(from), Date.from(to), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            // A CA passes any policy on, so a card's own policy is what decides.
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                    new PolicyInformation(new ASN1ObjectIdentifier("2.5.29.32.0"))));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(signingKeyUsage ? KeyUsage.digitalSignature
                    : KeyUsage.keyEncipherment));
        }
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        }
        if (policy != null) {
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                    new PolicyInformation(new ASN1ObjectIdentifier(policy))));
        }
        if (crlName != null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, baseUrl() + "/ocsp")));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, baseUrl() + "/crl/" + crlName))), null, null) }));
        }
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(signerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private void ocsp(HttpExchange exchange) throws IOException {
        ocspHits.incrementAndGet();
        try (exchange) {
            if (!ocspUp) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            OCSPReq request = new OCSPReq(exchange.getRequestBody().readAllBytes());
            KeyPair signing = ocspSignerOverride != null ? ocspSignerOverride : responderKeys;
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(signing.getPublic(),
                    new JcaDigestCalculatorProviderBuilder().build().get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1));
            for (Req one : request.getRequestList()) {
                CertificateStatus status = switch (ocspClaim) {
                    case GOOD -> CertificateStatus.GOOD;
                    case UNKNOWN -> new UnknownStatus();
                    case TRUTH -> revoked.contains(one.getCertID().getSerialNumber())
                            ? new RevokedStatus(Date.from(NOW.minus(1, ChronoUnit.HOURS)), CRLReason.keyCompromise)
                            : CertificateStatus.GOOD;
                };
                Instant next = ocspNextUpdate;
                builder.addResponse(one.getCertID(), status, Date.from(ocspThisUpdate), next == null ? null : Date.from(next),
                        null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (ocspNonce == Nonce.REPLACE) {
                byte[] other = new byte[16];
                RANDOM.nextBytes(other);
                nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(new DEROctetString(other).getEncoded()));
            }
            if (nonce != null && ocspNonce != Nonce.OMIT) {
                builder.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(nonce));
            }
            byte[] body = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(signing.getPrivate()),
                    new X509CertificateHolder[] { new JcaX509CertificateHolder(responder) }, Date.from(NOW))).getEncoded();
            send(exchange, "application/ocsp-response", body);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private void crl(HttpExchange exchange) throws IOException {
        crlHits.incrementAndGet();
        try (exchange) {
            Thread.sleep(crlDelay.toMillis());
            if (!crlUp) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            Instant thisUpdate = crlThisUpdate;
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                    Date.from(thisUpdate));
            Duration validity = crlValidity;
            if (validity != null) {
                builder.setNextUpdate(Date.from(thisUpdate.plus(validity)));
            }
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(NOW.minus(1, ChronoUnit.HOURS)), CRLReason.keyCompromise);
            }
            KeyPair signing = crlSignerOverride != null ? crlSignerOverride : issuerKeys;
            byte[] body = new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(signing.getPrivate()))).getEncoded();
            send(exchange, "application/pkix-crl", body);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static KeyPair keys(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
