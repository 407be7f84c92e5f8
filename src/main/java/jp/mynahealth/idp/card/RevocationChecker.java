package jp.mynahealth.idp.card;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks whether a card certificate is revoked: OCSP first (with a fresh nonce, the answer signed by
 * the CA or its delegated responder, and current), the CRL of the distribution point when OCSP
 * cannot answer, and a refusal with 503 when neither can — never a silent pass.
 */
final class RevocationChecker {

    private static final Logger log = LoggerFactory.getLogger(RevocationChecker.class);
    /** Clocks of the responder and of this server may differ a little. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    /** An OCSP answer without nextUpdate is accepted for this long after thisUpdate. */
    private static final Duration OCSP_MAX_AGE = Duration.ofHours(1);

    private final HttpClient http;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    RevocationChecker(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void check(X509Certificate card, X509Certificate issuer, Instant now) {
        String serial = card.getSerialNumber().toString(16);
        try {
            Optional<Boolean> revoked = askOcsp(card, issuer, now);
            if (revoked.isPresent()) {
                if (revoked.get()) {
                    throw new CardLoginException(LoginFailure.REVOKED, "OCSP: certificate " + serial + " is revoked");
                }
                return;
            }
        } catch (RevocationSourceException e) {
            log.warn("OCSP could not answer for certificate {}: {}; trying the CRL", serial, e.getMessage());
        }
        try {
            if (crlLists(card, issuer, now)) {
                throw new CardLoginException(LoginFailure.REVOKED, "CRL: certificate " + serial + " is revoked");
            }
        } catch (RevocationSourceException e) {
            throw new CardLoginException(LoginFailure.UNAVAILABLE,
                    "neither OCSP nor the CRL could answer for certificate " + serial + ": " + e.getMessage());
        }
    }

    /** Empty when the card names no OCSP responder. */
    private Optional<Boolean> askOcsp(X509Certificate card, X509Certificate issuer, Instant now) {
        Optional<String> url = ocspUrl(card);
        if (url.isEmpty()) {
            throw new RevocationSourceException("the certificate names no OCSP responder");
        }
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), card.getSerialNumber());
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            // RFC 8954: the extension's value is an OCTET STRING holding the nonce.
            Extension nonceExtension = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded()));
            byte[] request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(nonceExtension))
                    .build().getEncoded();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url.get())).timeout(timeout)
                    .header("Content-Type", "application/ocsp-request").header("Accept", "application/ocsp-response")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RevocationSourceException("OCSP responder answered HTTP " + response.statusCode());
            }
            OCSPResp ocsp = new OCSPResp(response.body());
            if (ocsp.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new RevocationSourceException("OCSP response status " + ocsp.getStatus());
            }
            BasicOCSPResp basic = (BasicOCSPResp) ocsp.getResponseObject();
            verifyResponder(basic, issuer, now);
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (echoed == null || !Arrays.equals(DEROctetString.getInstance(echoed.getParsedValue()).getOctets(), nonce)) {
                throw new RevocationSourceException("OCSP response does not echo the request nonce");
            }
            for (SingleResp single : basic.getResponses()) {
                if (!single.getCertID().equals(id)) {
                    continue;
                }
                checkFresh(single.getThisUpdate(), single.getNextUpdate(), now, "OCSP");
                CertificateStatus status = single.getCertStatus();
                if (status == CertificateStatus.GOOD) {
                    return Optional.of(false);
                }
                if (status instanceof RevokedStatus) {
                    return Optional.of(true);
                }
                throw new CardLoginException(LoginFailure.INVALID_CARD, "OCSP does not know certificate "
                        + card.getSerialNumber().toString(16));
            }
            throw new RevocationSourceException("OCSP response has no answer for the certificate");
        } catch (IOException e) {
            throw new RevocationSourceException("OCSP responder unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevocationSourceException("interrupted while asking OCSP");
        } catch (CardLoginException | RevocationSourceException e) {
            throw e;
        } catch (Exception e) {
            throw new RevocationSourceException("OCSP response unusable: " + e.getMessage());
        }
    }

    /** The answer must be signed by the issuing CA itself or by a responder it delegated OCSP signing to. */
    private void verifyResponder(BasicOCSPResp response, X509Certificate issuer, Instant now) throws Exception {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : response.getCerts()) {
            X509Certificate responder = converter.getCertificate(holder);
            List<String> purposes = responder.getExtendedKeyUsage();
            boolean delegated = responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                    && purposes != null && purposes.contains(KeyPurposeId.id_kp_OCSPSigning.getId());
            if (delegated) {
                responder.verify(issuer.getPublicKey());
                responder.checkValidity(Date.from(now));
                if (signedBy(response, responder.getPublicKey())) {
                    return;
                }
            }
        }
        if (!signedBy(response, issuer.getPublicKey())) {
            throw new RevocationSourceException("OCSP response is not signed by the CA or its delegated responder");
        }
    }

    private static boolean signedBy(BasicOCSPResp response, java.security.PublicKey key) {
        try {
            return response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (Exception wrongKey) {
            // A signature made with another key (even of another size) is simply not this key's.
            return false;
        }
    }

    private boolean crlLists(X509Certificate card, X509Certificate issuer, Instant now) {
        Optional<String> url = crlUrl(card);
        if (url.isEmpty()) {
            throw new RevocationSourceException("the certificate names no CRL distribution point");
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url.get())).timeout(timeout).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RevocationSourceException("CRL download answered HTTP " + response.statusCode());
            }
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(response.body()));
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw new RevocationSourceException("CRL is not from the card's issuer");
            }
            crl.verify(issuer.getPublicKey());
            checkFresh(crl.getThisUpdate(), crl.getNextUpdate(), now, "CRL");
            return crl.isRevoked(card);
        } catch (IOException e) {
            throw new RevocationSourceException("CRL unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevocationSourceException("interrupted while fetching the CRL");
        } catch (RevocationSourceException e) {
            throw e;
        } catch (Exception e) {
            throw new RevocationSourceException("CRL unusable: " + e.getMessage());
        }
    }

    private static void checkFresh(Date thisUpdate, Date nextUpdate, Instant now, String source) {
        if (thisUpdate.toInstant().isAfter(now.plus(SKEW))) {
            throw new RevocationSourceException(source + " answer is dated in the future");
        }
        Instant expires = nextUpdate != null ? nextUpdate.toInstant() : thisUpdate.toInstant().plus(OCSP_MAX_AGE);
        if (expires.plus(SKEW).isBefore(now)) {
            throw new RevocationSourceException(source + " answer is out of date");
        }
    }

    private static Optional<String> ocspUrl(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return Optional.empty();
        }
        AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                DEROctetString.getInstance(value).getOctets());
        for (AccessDescription description : access.getAccessDescriptions()) {
            if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                return uri(description.getAccessLocation());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> crlUrl(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return Optional.empty();
        }
        for (DistributionPoint point : CRLDistPoint.getInstance(DEROctetString.getInstance(value).getOctets())
                .getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    Optional<String> uri = uri(general);
                    if (uri.isPresent()) {
                        return uri;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> uri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return Optional.empty();
        }
        ASN1Encodable value = name.getName();
        String uri = ASN1IA5String.getInstance(value).getString();
        return uri.startsWith("http://") || uri.startsWith("https://") ? Optional.of(uri) : Optional.empty();
    }

    /** OCSP or the CRL could not give a trustworthy answer (unreachable, unsigned, stale). */
    private static final class RevocationSourceException extends RuntimeException {
        RevocationSourceException(String message) {
            super(message);
        }
    }
}
