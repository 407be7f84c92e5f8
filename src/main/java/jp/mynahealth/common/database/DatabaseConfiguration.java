package jp.mynahealth.common.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The one connection pool of the process. With {@code SPRING_DATASOURCE_URL} (and username,
 * password) it connects to that server; without, it starts the embedded PostgreSQL in the data
 * folder, so a fresh machine needs nothing installed.
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
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, DataFolder dataFolder,
            @Value("${myna.data.fresh:false}") boolean fresh) {
        if (!StringUtils.hasText(properties.getUrl())) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.in(dataFolder.resolve("postgres"), fresh);
            properties.setUrl(server.jdbcUrl());
            properties.setUsername(server.username());
            properties.setPassword("");
        } else {
            log.info("Using the PostgreSQL server given by spring.datasource.url; no embedded server is started");
        }
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
