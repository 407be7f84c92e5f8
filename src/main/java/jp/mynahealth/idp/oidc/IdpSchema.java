package jp.mynahealth.idp.oidc;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs Spring Authorization Server's JDBC services against the idp's own schema. Their SQL names
 * {@code oauth2_authorization} and {@code oauth2_authorization_consent} without a schema and offers
 * no setting for one, so each call is one transaction whose search_path is {@code idp} alone.
 * {@code SET LOCAL} ends with the transaction: the pooled connection, which the other roles of the
 * process share, goes back as it came.
 */
final class IdpSchema {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    IdpSchema(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private <T> T call(Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.execute("set local search_path to idp");
            return work.get();
        });
    }

    private void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    OAuth2AuthorizationService authorizations(OAuth2AuthorizationService service) {
        return new OAuth2AuthorizationService() {
            @Override
            public void save(OAuth2Authorization authorization) {
                run(() -> service.save(authorization));
            }

            @Override
            public void remove(OAuth2Authorization authorization) {
                run(() -> service.remove(authorization));
            }

            @Override
            @Nullable
            public OAuth2Authorization findById(String id) {
                return call(() -> service.findById(id));
            }

            @Override
            @Nullable
            public OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
                return call(() -> service.findByToken(token, tokenType));
            }
        };
    }

    OAuth2AuthorizationConsentService consents(OAuth2AuthorizationConsentService service) {
        return new OAuth2AuthorizationConsentService() {
            @Override
            public void save(OAuth2AuthorizationConsent consent) {
                run(() -> service.save(consent));
            }

            @Override
            public void remove(OAuth2AuthorizationConsent consent) {
                run(() -> service.remove(consent));
            }

            @Override
            @Nullable
            public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
                return call(() -> service.findById(registeredClientId, principalName));
            }
        };
    }
}
