package jp.mynahealth.idp;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the identity provider ({@code myna.idp.*} in idp.properties).
 *
 * @param url            this provider's origin: the OIDC issuer and the origin the card signs
 * @param portalUrl      the portal's origin, for its exact redirect and post-logout URIs
 * @param portalClientSecret the portal's client secret (set MYNA_IDP_PORTAL_CLIENT_SECRET in production)
 * @param signerUrl      where the citizen's local signer listens
 * @param trustAnchors   PEM file of the trusted root certificates
 * @param intermediates  PEM file of the issuing CA certificates that complete card chains
 * @param cardPolicy     the user-authentication certificate policy OID a card must carry
 * @param challengeTtl   how long a login challenge may be used
 * @param maxTokenBytes  the largest auth token accepted, before any parsing
 * @param revocationTimeout how long to wait for OCSP or the CRL before the next way or refusal
 * @param ocspMaxAge     how old an OCSP answer (its thisUpdate) may be, whatever its nextUpdate says
 * @param crlMaxAge      how long a CRL that names no nextUpdate is used, and kept, after its thisUpdate
 */
@ConfigurationProperties("myna.idp")
public record IdpProperties(String url, String portalUrl, String portalClientSecret, String signerUrl,
        Path trustAnchors, Path intermediates, String cardPolicy, Duration challengeTtl, int maxTokenBytes,
        Duration revocationTimeout, Duration ocspMaxAge, Duration crlMaxAge) {
}
