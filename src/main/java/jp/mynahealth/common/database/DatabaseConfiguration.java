package jp.mynahealth.common.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The connections of the process. With {@code SPRING_DATASOURCE_URL} it connects to that server;
 * without, it starts the embedded PostgreSQL in the data folder, so a fresh machine needs nothing
 * installed. Three logins, each allowed only what it needs (grants in the migrations): the owner
 * migrates, the runtime login ({@code dataSource}) serves the portal and the idp, and the
 * importer's login ({@link ImporterDataSource}) is the only one that may write the read store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSourceProperties.class)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Folders already emptied in this JVM: every context of a test run shares the one fresh folder. */
    private static final Set<Path> EMPTIED = ConcurrentHashMap.newKeySet();

    /**
     * With {@code myna.data.fresh=true} (tests) the folder is emptied on its first use in the JVM:
     * database, keys and cards from an earlier run never leak into this one.
     */
    @Bean
    DataFolder dataFolder(@Value("${myna.data-dir:.data}") Path root, @Value("${myna.data.fresh:false}") boolean fresh) {
        Path folder = root.toAbsolutePath().normalize();
        if (fresh && EMPTIED.add(folder) && Files.exists(folder)) {
            FileSystemUtils.deleteRecursively(folder.toFile());
        }
        return new DataFolder(folder);
    }

    @Bean
    DatabaseLogins databaseLogins(DataSourceProperties properties, DataFolder dataFolder,
            @Value("${myna.data.fresh:false}") boolean fresh, Environment environment) {
        if (!StringUtils.hasText(properties.getUrl())) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.in(dataFolder.resolve("postgres"), fresh);
            return new DatabaseLogins(server.jdbcUrl(), server.runtime(), server.importer(), Optional.of(server.owner()));
        }
        log.info("Using the PostgreSQL server given by spring.datasource.url; no embedded server is started");
        if (!StringUtils.hasText(properties.getUsername())) {
            throw new IllegalStateException("spring.datasource.username is needed with spring.datasource.url: the migrations"
                    + " grant that login what the portal and the idp may do");
        }
        DatabaseLogin runtime = new DatabaseLogin(properties.getUsername(), properties.getPassword());
        boolean migrates = environment.getProperty("spring.flyway.enabled", Boolean.class, true);
        boolean separateOwner = StringUtils.hasText(environment.getProperty("spring.flyway.user"));
        String importerName = environment.getProperty("myna.importer.datasource.username", "");
        DatabaseLogin importer;
        if (StringUtils.hasText(importerName)) {
            importer = new DatabaseLogin(importerName, environment.getProperty("myna.importer.datasource.password", ""));
        } else if (migrates && separateOwner) {
            throw new IllegalStateException("spring.flyway.user is set, so the logins are kept apart: set"
                    + " myna.importer.datasource.username and myna.importer.datasource.password as well (the login that"
                    + " may write the read store; see README, Using an external PostgreSQL)");
        } else {
            // A service that does not import: should it try, the database refuses the runtime login.
            importer = runtime;
        }
        if (migrates && !separateOwner) {
            log.warn("spring.flyway.user is not set: {} owns and migrates the schemas and {} imports, so the database"
                    + " does not hold the portal and the idp to what they need (see README, Using an external PostgreSQL)",
                    runtime.username(), importer.username());
        }
        return new DatabaseLogins(properties.getUrl(), runtime, importer, Optional.empty());
    }

    /** The pool of the running portal and idp (and of the read-store queries they share). */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, DatabaseLogins logins) {
        return pool(properties, logins.url(), logins.runtime());
    }

    /** A small pool that opens connections only when files arrive, and lets them go a minute after. */
    @Bean
    ImporterDataSource importerDataSource(DataSourceProperties properties, DatabaseLogins logins, Environment environment) {
        HikariDataSource pool = pool(properties, logins.url(), logins.importer());
        Binder.get(environment).bind("myna.importer.datasource.hikari", Bindable.ofInstance(pool));
        return new ImporterDataSource(pool);
    }

    /**
     * The migrations grant the runtime and importer logins by name ({@code ${runtime_role}},
     * {@code ${importer_role}}); with the embedded server they run as its owner login.
     */
    @Bean
    FlywayConfigurationCustomizer databaseRoles(DatabaseLogins logins) {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("runtime_role", logins.runtime().username());
            placeholders.put("importer_role", logins.importer().username());
            configuration.placeholders(placeholders);
            logins.migration().ifPresent(owner -> configuration.dataSource(logins.url(), owner.username(), owner.password()));
        };
    }

    private static HikariDataSource pool(DataSourceProperties properties, String url, DatabaseLogin login) {
        DataSourceBuilder<HikariDataSource> builder = DataSourceBuilder.create().type(HikariDataSource.class).url(url)
                .username(login.username()).password(login.password());
        if (StringUtils.hasText(properties.getDriverClassName())) {
            builder.driverClassName(properties.getDriverClassName());
        }
        return builder.build();
    }
}
