package jp.mynahealth.idp.card;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * Checks a card certificate with the JDK's PKIX validator: it chains to a trust anchor, every
 * certificate on the path is within its validity, the card's key may sign (digitalSignature) and
 * the card carries the user-authentication policy. Revocation is checked separately (OCSP, CRL).
 */
final class CertificateChecker {

    private final String cardPolicy;

    CertificateChecker(String cardPolicy) {
        this.cardPolicy = cardPolicy;
    }

    /** Returns the certificate of the card's issuer, for the revocation checks. */
    X509Certificate check(X509Certificate card, TrustedIssuers issuers, Instant now) {
        X509Certificate issuer = issuers.issuerOf(card).orElseThrow(() -> new CardLoginException(
                LoginFailure.INVALID_CARD, "no trusted issuing CA named " + card.getIssuerX500Principal().getName()));
        validatePath(card, issuer, issuers, now);
        try {
            card.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new CardLoginException(LoginFailure.EXPIRED, "certificate outside its validity: " + e.getMessage());
        }
        boolean[] keyUsage = card.getKeyUsage();
        if (keyUsage == null || !keyUsage[0]) {
            throw new CardLoginException(LoginFailure.INVALID_CARD, "certificate key usage lacks digitalSignature");
        }
        if (!carriesPolicy(card)) {
            throw new CardLoginException(LoginFailure.INVALID_CARD,
                    "certificate lacks the user-authentication policy " + cardPolicy);
        }
        if (!"RSA".equals(card.getPublicKey().getAlgorithm())) {
            throw new CardLoginException(LoginFailure.INVALID_CARD, "certificate key is not RSA");
        }
        return issuer;
    }

    /** Read from the card itself: issuing CAs need not name the policy for it to count. */
    private boolean carriesPolicy(X509Certificate card) {
        byte[] extension = card.getExtensionValue(Extension.certificatePolicies.getId());
        if (extension == null) {
            return false;
        }
        CertificatePolicies policies = CertificatePolicies.getInstance(DEROctetString.getInstance(extension).getOctets());
        for (PolicyInformation policy : policies.getPolicyInformation()) {
            if (policy.getPolicyIdentifier().getId().equals(cardPolicy)) {
                return true;
            }
        }
        return false;
    }

    private void validatePath(X509Certificate card, X509Certificate issuer, TrustedIssuers issuers, Instant now) {
        try {
            List<X509Certificate> chain = new ArrayList<>(List.of(card, issuer));
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            PKIXParameters parameters = new PKIXParameters(issuers.anchors());
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID) {
                throw new CardLoginException(LoginFailure.EXPIRED, "certificate path outside its validity: " + e.getMessage());
            }
            throw new CardLoginException(LoginFailure.INVALID_CARD,
                    "certificate path not valid (" + e.getReason() + "): " + e.getMessage());
        } catch (InvalidAlgorithmParameterException e) {
            throw new CardLoginException(LoginFailure.UNAVAILABLE, "trust anchors unusable: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CardLoginException(LoginFailure.INVALID_CARD, "certificate path cannot be built: " + e.getMessage());
        }
    }
}
