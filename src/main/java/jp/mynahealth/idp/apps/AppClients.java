package jp.mynahealth.idp.apps;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.lang.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import jp.mynahealth.common.apps.AppScope;

/**
 * The Authorization Server's clients: the portal (configured, the one client that logs citizens in)
 * and the registered apps, read from idp.app at each use so that a registration or a retirement
 * holds at once on every idp instance.
 */
public class AppClients implements RegisteredClientRepository {

    /** The longest a consent lasts, and so the longest a refresh token can: 90 days (期間連携). */
    public static final Duration LONGEST_CONSENT = Duration.ofDays(90);
    /** Access tokens are short: a consent ended is felt within this, even by an API that cached nothing. */
    public static final Duration ACCESS_TOKEN = Duration.ofMinutes(5);

    private final RegisteredClient portalClient;
    private final AppRegistry registry;

    public AppClients(RegisteredClient portal, AppRegistry registry) {
        this.portalClient = portal;
        this.registry = registry;
    }

    /** Whether the client is the portal itself rather than an app. */
    public boolean isPortal(RegisteredClient client) {
        return portalClient.getId().equals(client.getId());
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Apps are registered with --app-register");
    }

    @Override
    @Nullable
    public RegisteredClient findById(String id) {
        return portalClient.getId().equals(id) ? portalClient : registry.find(id).map(AppClients::client).orElse(null);
    }

    @Override
    @Nullable
    public RegisteredClient findByClientId(String clientId) {
        return portalClient.getClientId().equals(clientId) ? portalClient : registry.find(clientId).map(AppClients::client).orElse(null);
    }

    /**
     * An app as a client: authorization code with PKCE only, its exact redirect URIs, consent always
     * asked, short JWT access tokens; a confidential app may refresh (the refresh token ends with the
     * consent, see ConsentBoundRefreshTokens), a public one cannot (the Authorization Server gives
     * public clients no refresh token).
     */
    static RegisteredClient client(App app) {
        RegisteredClient.Builder client = RegisteredClient.withId(app.appId())
                .clientId(app.appId())
                .clientName(app.name())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(app.redirectUris()))
                .scopes(scopes -> scopes.addAll(codes(app.scopes())))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(ACCESS_TOKEN)
                        .authorizationCodeTimeToLive(Duration.ofMinutes(1))
                        .refreshTokenTimeToLive(LONGEST_CONSENT)
                        .reuseRefreshTokens(false)
                        .build());
        if (app.confidential()) {
            client.clientSecret(app.secretHash().orElseThrow())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        } else {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return client.build();
    }

    private static Set<String> codes(Set<AppScope> scopes) {
        return scopes.stream().map(AppScope::code).collect(Collectors.toSet());
    }
}
