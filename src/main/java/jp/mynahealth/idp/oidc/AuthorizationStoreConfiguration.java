package jp.mynahealth.idp.oidc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.jackson2.SecurityJackson2Modules;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import jp.mynahealth.idp.apps.AppClients;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.jackson2.OAuth2AuthorizationServerJackson2Module;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.mynahealth.idp.card.CardLoginJacksonModule;

/**
 * Where the Authorization Server keeps what outlives a request, so that any idp instance can answer
 * any step of a login and a restart forgets nothing: authorizations (codes, tokens, the card login
 * behind them) and consents in the idp schema, and the OpenID Connect sessions in the shared
 * session store. (The one client, the portal, is still configured, not stored.)
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationStoreConfiguration {

    @Bean
    IdpSchema idpSchema(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new IdpSchema(jdbc, transactionManager);
    }

    /** The principal of each authorization is stored as JSON: the mapper must know the card login's token. */
    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients, IdpSchema schema) {
        ObjectMapper json = new ObjectMapper();
        json.registerModules(SecurityJackson2Modules.getModules(AuthorizationStoreConfiguration.class.getClassLoader()));
        json.registerModule(new OAuth2AuthorizationServerJackson2Module());
        json.registerModule(new CardLoginJacksonModule());
        JdbcOAuth2AuthorizationService.OAuth2AuthorizationRowMapper rows =
                new JdbcOAuth2AuthorizationService.OAuth2AuthorizationRowMapper(clients);
        rows.setObjectMapper(json);
        JdbcOAuth2AuthorizationService.OAuth2AuthorizationParametersMapper parameters =
                new JdbcOAuth2AuthorizationService.OAuth2AuthorizationParametersMapper();
        parameters.setObjectMapper(json);
        JdbcOAuth2AuthorizationService service = new JdbcOAuth2AuthorizationService(jdbc, clients);
        service.setAuthorizationRowMapper(rows);
        service.setAuthorizationParametersMapper(parameters);
        return schema.authorizations(service);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc, AppClients clients,
            IdpSchema schema) {
        return appConsentsNeverRemembered(schema.consents(new JdbcOAuth2AuthorizationConsentService(jdbc, clients)), clients);
    }

    /**
     * No consent to an app is assumed: the Authorization Server skips its consent page when it
     * remembers one covering the scopes asked, so it is never told of one. What a citizen consented
     * to is in idp.app_consent, with its period, and every authorization asks again.
     */
    private static OAuth2AuthorizationConsentService appConsentsNeverRemembered(OAuth2AuthorizationConsentService stored,
            AppClients clients) {
        return new OAuth2AuthorizationConsentService() {
            @Override
            public void save(OAuth2AuthorizationConsent consent) {
                if (isPortal(consent.getRegisteredClientId())) {
                    stored.save(consent);
                }
            }

            @Override
            public void remove(OAuth2AuthorizationConsent consent) {
                stored.remove(consent);
            }

            @Override
            public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
                return isPortal(registeredClientId) ? stored.findById(registeredClientId, principalName) : null;
            }

            private boolean isPortal(String registeredClientId) {
                RegisteredClient client = clients.findById(registeredClientId);
                return client != null && clients.isPortal(client);
            }
        };
    }

    /**
     * The idp sessions a person has, for the ID token's {@code sid} and its check at logout. The
     * Authorization Server would otherwise keep them in each instance's memory: a code exchanged at
     * another instance would get no sid, and logout at the first would then refuse that token.
     */
    @Bean
    SessionRegistry oidcSessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return registry(sessions);
    }

    private static <S extends Session> SessionRegistry registry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }
}
