package jp.mynahealth.taxapp;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo tax software ({@code myna.taxapp.*}).
 *
 * @param url              this app's own origin; the redirect URI registered at the idp is {@code <url>/login/oauth2/code/myna}
 * @param idpUrl           the idp's origin (authorization and token endpoints)
 * @param portalUrl        the portal's origin (the API)
 * @param clientSecret     the client secret at the idp; when blank, {@code clientSecretFile} is read
 * @param clientSecretFile where the idp writes the demo app's secret when it registers it
 * @param trustAnchor      the PEM root certificate a notice's signature must chain to
 * @param timeout          how long to wait for the idp or the portal
 */
@ConfigurationProperties("myna.taxapp")
record TaxAppProperties(String url, String idpUrl, String portalUrl, String clientSecret, Path clientSecretFile,
        Path trustAnchor, Duration timeout) {
}
