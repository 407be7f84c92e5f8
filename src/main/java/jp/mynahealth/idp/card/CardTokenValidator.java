package jp.mynahealth.idp.card;

import jp.mynahealth.common.cardlogin.SignedData;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import jp.mynahealth.idp.IdpProperties;
import jp.mynahealth.records.CardLink;
import jp.mynahealth.records.CardLinkRepository;
import jp.mynahealth.records.PersonId;

/**
 * Validates a signer's auth token for a challenge, in the protocol's order, failing closed: the
 * token is well-formed and small; the certificate chains to a trust anchor, is valid now, may sign
 * and carries the user-authentication policy; the signature covers this site's origin and the
 * challenge; the certificate is not revoked; and it is linked to a person in the read store.
 */
@Component
public class CardTokenValidator {

    private final IdpProperties properties;
    private final CardLinkRepository links;
    private final Clock clock;
    private final CertificateChecker certificates;
    private final RevocationChecker revocation;

    CardTokenValidator(IdpProperties properties, CardLinkRepository links, Clock clock) {
        this.properties = properties;
        this.links = links;
        this.clock = clock;
        this.certificates = new CertificateChecker(properties.cardPolicy());
        this.revocation = new RevocationChecker(properties.revocationTimeout(), properties.ocspMaxAge(),
                properties.crlMaxAge());
    }

    /** The person the card belongs to; a {@link CardLoginException} names any failure. */
    public PersonId validate(String authToken, String challenge) {
        AuthToken token = AuthToken.parse(authToken, properties.maxTokenBytes());
        X509Certificate card = token.certificate();
        Instant now = clock.instant();
        TrustedIssuers issuers = TrustedIssuers.load(properties.trustAnchors(), properties.intermediates());
        X509Certificate issuer = certificates.check(card, issuers, now);
        verifySignature(token, properties.url(), challenge);
        revocation.check(card, issuer, now);
        CardLink link = links.find(card.getIssuerX500Principal().getName(), card.getSerialNumber())
                .orElseThrow(() -> new CardLoginException(LoginFailure.NOT_LINKED,
                        "certificate " + card.getSerialNumber().toString(16) + " is linked to nobody"));
        if (!link.active()) {
            throw new CardLoginException(LoginFailure.REVOKED,
                    "the link of certificate " + card.getSerialNumber().toString(16) + " is no longer active");
        }
        return link.person();
    }

    private static void verifySignature(AuthToken token, String origin, String challenge) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(token.certificate().getPublicKey());
            verifier.update(SignedData.of(origin, challenge));
            if (!verifier.verify(token.signature())) {
                throw new CardLoginException(LoginFailure.WRONG_SITE,
                        "signature does not cover this origin (" + origin + ") and challenge");
            }
        } catch (GeneralSecurityException e) {
            throw new CardLoginException(LoginFailure.WRONG_SITE, "signature cannot be verified: " + e.getMessage());
        }
    }
}
