package jp.mynahealth.portal.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The portal as a relying party of the card-login idp. Endpoints are configured rather than
 * discovered, so the portal starts even while the idp is down; the issuer is still checked.
 */
@Configuration(proxyBeanMethods = false)
class CardLoginClientConfiguration {

    static final String REGISTRATION_ID = "myna";
    static final String ACR_CARD = "urn:myna-health:acr:card";

    @Bean
    ClientRegistrationRepository clientRegistrations(PortalLoginProperties properties) {
        String idp = properties.idpUrl();
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId("myna-portal")
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID)
                .authorizationUri(idp + "/oauth2/authorize")
                .tokenUri(idp + "/oauth2/token")
                .jwkSetUri(idp + "/oauth2/jwks")
                .issuerUri(idp)
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", idp + "/connect/logout"))
                .clientName("マイナンバーカード")
                .build());
    }

    /** Besides the standard checks (signature, issuer, audience, expiry, nonce): the login was made with the card. */
    @Bean
    OidcIdTokenDecoderFactory idTokenDecoderFactory() {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        factory.setJwtValidatorFactory(registration -> new DelegatingOAuth2TokenValidator<>(
                new OidcIdTokenValidator(registration),
                (Jwt token) -> ACR_CARD.equals(token.getClaimAsString("acr"))
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_id_token",
                                "the ID token is not from a card login", null))));
        return factory;
    }
}
