package jp.mynahealth.common.database;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/** The record pages' {@link ReadStore}: the primary alone, or a replica in front of it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaProperties.class)
public class ReadStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    ReadStore readStore(DataSource primary, ReplicaProperties properties) {
        if (!properties.configured()) {
            return ReadStore.primaryOnly(primary);
        }
        HikariDataSource replica = new HikariDataSource();
        replica.setPoolName("myna-replica");
        replica.setJdbcUrl(properties.replicaUrl());
        replica.setUsername(properties.replicaUsername());
        replica.setPassword(properties.replicaPassword());
        // Record pages only read; a standby refuses writes anyway, this says so before it has to.
        replica.setReadOnly(true);
        replica.setMaximumPoolSize(10);
        // A replica that is down must cost a page a short wait, not the pool's default 30 s.
        replica.setConnectionTimeout(1_000);
        replica.setInitializationFailTimeout(-1);
        log.info("Record pages read from the replica at {} while it is at most {} behind", properties.replicaUrl(),
                properties.maxLag());
        return ReadStore.withReplica(primary, replica, properties);
    }
}
