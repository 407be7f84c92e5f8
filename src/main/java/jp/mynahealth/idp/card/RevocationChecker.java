package jp.mynahealth.idp.card;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
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
 * cannot answer (kept until its nextUpdate, see {@link CrlCache}), and a refusal with 503 when
 * neither can — never a silent pass.
 */
final class RevocationChecker {

    private static final Logger log = LoggerFactory.getLogger(RevocationChecker.class);
    /** Clocks of the responder, of the CA and of this server may differ a little. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private final HttpClient http;
    private final Duration timeout;
    private final Duration ocspMaxAge;
    private final CrlCache crls;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param ocspMaxAge how old an OCSP answer's thisUpdate may be, whatever its nextUpdate says
     * @param crlMaxAge  how long a CRL that names no nextUpdate is used after its thisUpdate
     */
    RevocationChecker(Duration timeout, Duration ocspMaxAge, Duration crlMaxAge) {
        this.timeout = timeout;
        this.ocspMaxAge = ocspMaxAge;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.crls = new CrlCache(http, timeout, crlMaxAge);
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
            String crlUrl = crlUrl(card).orElseThrow(() -> new RevocationSourceException(
                    "the certificate names no CRL distribution point"));
            if (crls.lists(card, crlUrl, issuer, now)) {
                throw new CardLoginException(LoginFailure.REVOKED, "CRL: certificate " + serial + " is revoked");
            }
        } catch (RevocationSourceException e) {
            throw new CardLoginException(LoginFailure.UNAVAILABLE,
                    "neither OCSP nor the CRL could answer for certificate " + serial + ": " + e.getMessage());
        }
    }

    /** Whether OCSP says the card is revoked; a {@link RevocationSourceException} when OCSP gives no trustworthy answer. */
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
            // Only the nonce shows that a signed answer was made for this login and is not an earlier
            // "good" replayed after the card was revoked. An answer without it, or with another one,
            // is not believed: it counts as no answer and the CRL decides. Refusing the login instead
            // would protect nothing (whoever can replay OCSP answers can just as well block OCSP and
            // so bring the CRL in) and would lock citizens out whenever a cache or proxy in front of a
            // responder drops nonces.
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (echoed == null) {
                throw new RevocationSourceException("OCSP response carries no nonce");
            }
            if (!Arrays.equals(DEROctetString.getInstance(echoed.getParsedValue()).getOctets(), nonce)) {
                throw new RevocationSourceException("OCSP response carries another request's nonce (replayed or misrouted)");
            }
            for (SingleResp single : basic.getResponses()) {
                if (!single.getCertID().equals(id)) {
                    continue;
                }
                checkFresh(single, now);
                CertificateStatus status = single.getCertStatus();
                if (status == CertificateStatus.GOOD) {
                    return Optional.of(false);
                }
                if (status instanceof RevokedStatus) {
                    return Optional.of(true);
                }
                // "unknown" from the issuer's own responder: the issuer does not know it issued this
                // certificate, though it carries the issuer's signature. The CRL cannot settle that (it
                // lists only what was issued and revoked), so the card is refused, not passed on to it.
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

    /**
     * The answer must be recent (a live responder dates it now) and not past its nextUpdate: an old
     * thisUpdate means the responder answers from stale knowledge, even if it promises to be current.
     */
    private void checkFresh(SingleResp single, Instant now) {
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(SKEW))) {
            throw new RevocationSourceException("OCSP answer is dated in the future (" + thisUpdate + ")");
        }
        if (thisUpdate.plus(ocspMaxAge).plus(SKEW).isBefore(now)) {
            throw new RevocationSourceException("OCSP answer is too old (thisUpdate " + thisUpdate + ")");
        }
        Date nextUpdate = single.getNextUpdate();
        if (nextUpdate != null && nextUpdate.toInstant().plus(SKEW).isBefore(now)) {
            throw new RevocationSourceException("OCSP answer is out of date (nextUpdate " + nextUpdate.toInstant() + ")");
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
}
