package jp.mynahealth.idp.oidc;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import java.time.Clock;
import jp.mynahealth.idp.apps.AppClients;
import jp.mynahealth.idp.apps.AppRegistry;
import jp.mynahealth.idp.apps.ConsentBoundTokens;
import jp.mynahealth.idp.apps.ConsentRecorder;
import jp.mynahealth.idp.apps.ConsentSubjects;
import jp.mynahealth.idp.apps.Consents;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.idp.IdpProperties;
import jp.mynahealth.idp.card.CardAuthenticationToken;
import jp.mynahealth.idp.card.PairLoginFilter;

/**
 * The OpenID Connect provider and OAuth authorization server: its clients (the portal, and the apps
 * citizens connect), its signing key, and its tokens' claims.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String PORTAL_CLIENT_ID = "myna-portal";
    static final String ACR_CARD = "urn:myna-health:acr:card";

    /**
     * Client secrets are long random machine secrets, not human passwords: a low bcrypt cost keeps
     * the token request fast (the default cost adds ~80 ms to every login) without weakening them.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }

    /**
     * The portal: a confidential client that must use PKCE, with exactly one redirect URI; and the
     * apps registered in idp.app.
     */
    @Bean
    AppClients registeredClients(IdpProperties properties, PasswordEncoder encoder, AppRegistry apps) {
        RegisteredClient portal = RegisteredClient.withId("portal")
                .clientId(PORTAL_CLIENT_ID)
                .clientName("Myna Health Portal")
                .clientSecret(encoder.encode(properties.portalClientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.portalUrl() + "/login/oauth2/code/myna")
                .postLogoutRedirectUri(properties.portalUrl() + "/")
                .postLogoutRedirectUri(properties.portalUrl() + "/kiosk")
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .accessTokenTimeToLive(Duration.ofMinutes(5))
                        .authorizationCodeTimeToLive(Duration.ofMinutes(1))
                        .build())
                .build();
        return new AppClients(portal, apps);
    }

    @Bean
    ConsentBoundTokens consentBoundTokens(AppClients clients, Consents consents, Clock clock) {
        return new ConsentBoundTokens(clients, consents, clock);
    }

    @Bean
    ConsentRecorder consentRecorder(AppClients clients, ConsentSubjects subjects, Consents consents) {
        return new ConsentRecorder(clients, subjects, consents);
    }

    /**
     * The Authorization Server's own generators, but with the customizer below on its JWTs and
     * refresh tokens that end with an app's consent.
     */
    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> keys, OAuth2TokenCustomizer<JwtEncodingContext> claims,
            ConsentBoundTokens tokens) {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwts.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(), tokens.refreshTokens());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(DataFolder dataFolder) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.loadOrCreate(dataFolder.resolve("idp/token-signing-key.json"))));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdpProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.url()).build();
    }

    /**
     * sub is the person id (the principal's name); the card login adds acr, amr and auth_time, and
     * a login at a verified kiosk terminal {@code channel=kiosk} and {@code terminal_id}.
     */
    /** The person of a pair login's second card (the child a parent registers for), in the ID token. */
    public static final String SECOND_CARD_CLAIM = "second_card_sub";

    private static boolean askedForPair(JwtEncodingContext context) {
        if (context.getAuthorization() == null) {
            return false;
        }
        OAuth2AuthorizationRequest request = context.getAuthorization().getAttribute(OAuth2AuthorizationRequest.class.getName());
        return request != null && PairLoginFilter.CHILD.equals(request.getAdditionalParameters().get(PairLoginFilter.PARAMETER));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(ConsentBoundTokens appTokens) {
        return context -> {
            appTokens.accessTokenClaims(context);
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            if (context.getPrincipal() instanceof CardAuthenticationToken card) {
                context.getClaims()
                        .claim("acr", ACR_CARD)
                        // Types the authorization store reads back: its JSON allowlist has no List.of and no
                        // Long. A Date is what the Authorization Server itself gives auth_time (epoch seconds).
                        .claim("amr", Arrays.asList("hwk", "pin"))
                        .claim("auth_time", Date.from(card.authenticatedAt()));
                card.kioskTerminal().ifPresent(terminal -> context.getClaims()
                        .claim("channel", "kiosk")
                        .claim("terminal_id", terminal));
                // Only for the authorization request that asked for the pair: later logins of the same session do not carry it.
                if (card.secondPerson().isPresent() && askedForPair(context)) {
                    context.getClaims().claim(SECOND_CARD_CLAIM, card.secondPerson().get().toString());
                }
            }
        };
    }
}
