package jp.mynahealth.portal.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the portal reaches its identity provider ({@code myna.portal.login.*}).
 *
 * @param idpUrl          the idp's origin (its OIDC issuer)
 * @param clientSecret    the portal's client secret at the idp
 * @param absoluteTimeout a session ends this long after login, however active (ASVS level 3: 12 hours)
 */
@ConfigurationProperties("myna.portal.login")
public record PortalLoginProperties(String idpUrl, String clientSecret, Duration absoluteTimeout) {
}
