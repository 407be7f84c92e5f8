package jp.mynahealth.taxapp;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import jp.mynahealth.common.apps.AppScope;

/**
 * The one registration, {@code myna}: the demo app {@code taxapp-demo} at the idp, a confidential
 * client asking for {@code tax-notice} only. Built at each use with the secret as it is now (see
 * {@link ClientSecret}); plain OAuth 2.0, no OpenID Connect: this app need not know who the person
 * is, only fetch their notice once.
 */
final class MynaClientRegistrations implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "myna";
    static final String CLIENT_ID = "taxapp-demo";
    static final String REDIRECT_PATH = "/login/oauth2/code/" + REGISTRATION_ID;

    private final TaxAppProperties properties;
    private final ClientSecret secret;

    MynaClientRegistrations(TaxAppProperties properties, ClientSecret secret) {
        this.properties = properties;
        this.secret = secret;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        String idp = properties.idpUrl();
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(CLIENT_ID)
                .clientSecret(secret.read().orElseThrow(() -> new ClientSecretMissingException(properties)))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.url() + REDIRECT_PATH)
                .scope(AppScope.TAX_NOTICE.code())
                .authorizationUri(idp + "/oauth2/authorize")
                .tokenUri(idp + "/oauth2/token")
                .clientName("マイナポータル連携")
                .build();
    }

    /** Neither the property nor the idp's file gives a secret: the app is not registered (yet). */
    static final class ClientSecretMissingException extends IllegalStateException {
        ClientSecretMissingException(TaxAppProperties properties) {
            super("No client secret: set myna.taxapp.client-secret or let the idp write " + properties.clientSecretFile());
        }
    }
}
