package jp.mynahealth.ca;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo card issuer ({@code myna.ca.*}).
 *
 * @param url        where relying parties reach this issuer's OCSP responder and CRL (put into every card)
 * @param cardPolicy the user-authentication certificate policy OID written into cards
 * @param demoPin    the PIN of the demo cards
 */
@ConfigurationProperties("myna.ca")
public record CaProperties(String url, String cardPolicy, String demoPin) {
}
