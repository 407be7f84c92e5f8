package jp.mynahealth.idp.apps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Tokens for apps follow their consent: every access token and refresh token is made only while
 * the consent of its authorization is in force, names it ({@code cid}), reads the data of the
 * consent's person ({@code sub}, with {@code act} naming the proxy who consented), and ends no later
 * than the consent does.
 *
 * <p>The Authorization Server stamps tokens with the system time while consents are dated by the
 * application's clock (fixed in tests): what is left of a consent is measured on the latter and
 * added to the former.
 */
public class ConsentBoundTokens {

    public static final String CONSENT_CLAIM = "cid";
    public static final String ACTOR_CLAIM = "act";

    private final AppClients clients;
    private final Consents consents;
    private final Clock clock;
    private final StringKeyGenerator refreshTokenValues = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);

    public ConsentBoundTokens(AppClients clients, Consents consents, Clock clock) {
        this.clients = clients;
        this.consents = consents;
        this.clock = clock;
    }

    /** The claims of an app's access token; nothing for the portal's tokens or ID tokens. */
    public void accessTokenClaims(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) || clients.isPortal(context.getRegisteredClient())) {
            return;
        }
        Consent consent = consentInForce(context);
        if (consent.once() && AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())) {
            throw ended(); // A consent for one fetch is not renewed, however short its refresh token's life.
        }
        context.getClaims()
                .subject(consent.person().toString())
                .claim(CONSENT_CLAIM, String.valueOf(consent.consentId()));
        consent.actor().ifPresent(actor -> context.getClaims().claim(ACTOR_CLAIM, Map.of("sub", actor.toString())));
        context.getClaims().claims(claims -> {
            Instant issued = (Instant) claims.get("iat");
            Instant expires = (Instant) claims.get("exp");
            if (issued != null && expires != null) {
                claims.put("exp", earlier(expires, issued.plus(left(consent))));
            }
        });
    }

    /** Refresh tokens for apps' consents with a period; they end with the consent. */
    public OAuth2TokenGenerator<OAuth2RefreshToken> refreshTokens() {
        return context -> {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
                return null;
            }
            Instant issued = Instant.now();
            Duration longest = context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive();
            if (clients.isPortal(context.getRegisteredClient())) {
                return new OAuth2RefreshToken(refreshTokenValues.generateKey(), issued, issued.plus(longest));
            }
            Consent consent = consentInForce(context);
            Duration left = left(consent);
            return new OAuth2RefreshToken(refreshTokenValues.generateKey(), issued,
                    issued.plus(left.compareTo(longest) < 0 ? left : longest));
        };
    }

    private Consent consentInForce(OAuth2TokenContext context) {
        if (context.getAuthorization() == null) {
            throw ended();
        }
        return consents.ofAuthorization(context.getAuthorization().getId()).filter(Consent::inForce).orElseThrow(ConsentBoundTokens::ended);
    }

    private Duration left(Consent consent) {
        Duration left = Duration.between(clock.instant(), consent.validUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static OAuth2AuthenticationException ended() {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                "The citizen's consent for this app has ended or was never given", null));
    }
}
