package jp.mynahealth.support;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.common.database.DatabaseLogin;
import jp.mynahealth.common.database.EmbeddedPostgresServer;
import jp.mynahealth.common.database.ImporterDataSource;

/**
 * The store's other logins, for tests that set up or look at what the runtime login may not: test
 * data goes into the read store with the importer's login, as all data does; the owner and the
 * superuser are for inspecting the catalogue and for playing the attacker.
 */
public final class StoreLogins {

    private StoreLogins() {
    }

    public static JdbcClient importer(BeanFactory context) {
        return JdbcClient.create(context.getBean(ImporterDataSource.class).dataSource());
    }

    public static DataSource owner(BeanFactory context) {
        EmbeddedPostgresServer server = server(context);
        return login(server, server.owner());
    }

    public static DataSource superuser(BeanFactory context) {
        EmbeddedPostgresServer server = server(context);
        return login(server, server.superuser());
    }

    public static DataSource login(EmbeddedPostgresServer server, DatabaseLogin login) {
        return new DriverManagerDataSource(server.jdbcUrl(), login.username(), login.password());
    }

    public static EmbeddedPostgresServer server(BeanFactory context) {
        return EmbeddedPostgresServer.running(context.getBean(DataFolder.class).resolve("postgres"))
                .orElseThrow(() -> new IllegalStateException("no embedded PostgreSQL runs for this context"));
    }
}
