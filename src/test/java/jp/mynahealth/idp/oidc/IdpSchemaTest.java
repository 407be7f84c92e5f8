package jp.mynahealth.idp.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import jp.mynahealth.support.ReadStoreTest;

/** The Authorization Server's SQL runs in the idp schema, and the connection goes back to the pool as it came. */
@ReadStoreTest
class IdpSchemaTest {

    /** The table the library's SQL names, as PostgreSQL finds it without a schema (null: not found). */
    private static final String UNQUALIFIED = "select to_regclass('oauth2_authorization')::text";

    @Autowired
    DataSource pool;

    @Test
    void eachCallSeesTheIdpSchemaAndLeavesTheConnectionsSearchPathAlone() throws Exception {
        try (Connection connection = pool.getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            JdbcTemplate jdbc = new JdbcTemplate(one);
            String before = jdbc.queryForObject("show search_path", String.class);
            List<String> seen = new ArrayList<>();
            OAuth2AuthorizationService authorizations = new IdpSchema(jdbc, new DataSourceTransactionManager(one))
                    .authorizations(new OAuth2AuthorizationService() {
                        @Override
                        public void save(OAuth2Authorization authorization) {
                        }

                        @Override
                        public void remove(OAuth2Authorization authorization) {
                        }

                        @Override
                        public OAuth2Authorization findById(String id) {
                            seen.add(jdbc.queryForObject("show search_path", String.class));
                            seen.add(jdbc.queryForObject(UNQUALIFIED, String.class));
                            return null;
                        }

                        @Override
                        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                            throw new IllegalStateException("refused");
                        }
                    });

            authorizations.findById("any");
            assertThat(seen).containsExactly("idp", "oauth2_authorization");
            assertThat(jdbc.queryForObject("show search_path", String.class)).isEqualTo(before).doesNotContain("idp");
            assertThat(jdbc.queryForObject(UNQUALIFIED, String.class)).isNull();
            assertThatThrownBy(() -> authorizations.findByToken("any", null)).hasMessage("refused");
            assertThat(jdbc.queryForObject("show search_path", String.class)).isEqualTo(before);
        }
    }
}
