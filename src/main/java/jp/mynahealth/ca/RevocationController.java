package jp.mynahealth.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuer's revocation services: an OCSP responder (RFC 6960; answers signed by the delegated
 * responder, the request nonce echoed) and the CRL of the user-authentication CA (RFC 5280).
 */
@RestController
class RevocationController {

    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
    static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");
    private static final Duration OCSP_VALIDITY = Duration.ofHours(1);
    private static final Duration CRL_VALIDITY = Duration.ofDays(1);
    private static final int MAX_REQUEST_BYTES = 8192;
    private static final Logger log = LoggerFactory.getLogger(RevocationController.class);

    private final CardIssuer issuer;
    private final Clock clock;

    RevocationController(CardIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    @PostMapping(path = "/ocsp", consumes = "application/ocsp-request")
    ResponseEntity<byte[]> ocsp(@RequestBody byte[] body) throws Exception {
        if (body.length > MAX_REQUEST_BYTES) {
            return ocspError(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        OCSPReq request;
        try {
            request = new OCSPReq(body);
        } catch (IOException | RuntimeException e) {
            log.warn("Malformed OCSP request: {}", e.getMessage());
            return ocspError(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        IssuerKeys keys = issuer.keys();
        Instant now = clock.instant();
        X509CertificateHolder issuing = new JcaX509CertificateHolder(keys.issuing);
        BasicOCSPRespBuilder response = new JcaBasicOCSPRespBuilder(keys.responder.getPublicKey(),
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1));
        for (Req one : request.getRequestList()) {
            CertificateID id = one.getCertID();
            response.addResponse(id, status(id, issuing), Date.from(now), Date.from(now.plus(OCSP_VALIDITY)), null);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            response.setResponseExtensions(new Extensions(nonce));
        }
        byte[] answer = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, response.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(keys.responderKey),
                new X509CertificateHolder[] { new JcaX509CertificateHolder(keys.responder) }, Date.from(now))).getEncoded();
        return ResponseEntity.ok().contentType(OCSP_RESPONSE).body(answer);
    }

    /** Good, revoked, or unknown for a serial this issuer never issued (or another issuer's). */
    private CertificateStatus status(CertificateID id, X509CertificateHolder issuing) throws Exception {
        if (!id.matchesIssuer(issuing, new JcaDigestCalculatorProviderBuilder().build())) {
            return new UnknownStatus();
        }
        BigInteger serial = id.getSerialNumber();
        if (!issuer.registry().isIssued(serial)) {
            return new UnknownStatus();
        }
        Optional<Instant> revoked = issuer.registry().revokedAt(serial);
        return revoked.<CertificateStatus>map(at -> new RevokedStatus(Date.from(at), CRLReason.cessationOfOperation))
                .orElse(CertificateStatus.GOOD);
    }

    private static ResponseEntity<byte[]> ocspError(int status) throws Exception {
        return ResponseEntity.ok().contentType(OCSP_RESPONSE).body(new OCSPRespBuilder().build(status, null).getEncoded());
    }

    @GetMapping("/crl/user-auth.crl")
    ResponseEntity<byte[]> crl() throws Exception {
        IssuerKeys keys = issuer.keys();
        Instant now = clock.instant();
        X509Certificate issuing = keys.issuing;
        X509v2CRLBuilder crl = new X509v2CRLBuilder(X500Name.getInstance(issuing.getSubjectX500Principal().getEncoded()),
                Date.from(now));
        crl.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
        Map<BigInteger, Instant> revoked = issuer.registry().revoked();
        revoked.forEach((serial, at) -> crl.addCRLEntry(serial, Date.from(at), CRLReason.cessationOfOperation));
        crl.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuing));
        // Increases with time, so a newer CRL always has a larger number.
        crl.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
        byte[] encoded = crl.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.issuingKey)).getEncoded();
        return ResponseEntity.ok().contentType(CRL).body(encoded);
    }
}
