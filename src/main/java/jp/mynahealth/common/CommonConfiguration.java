package jp.mynahealth.common;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import jp.mynahealth.records.RecordsConfiguration;
import jp.mynahealth.importer.FeedImporter;
import jp.mynahealth.common.database.DatabaseConfiguration;
import jp.mynahealth.common.database.ReadStoreConfiguration;

/**
 * The parent context every role shares: the data folder, the database (embedded or external),
 * Flyway migrations, the read-store queries and the demo data. It serves no web requests itself.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
        FlywayAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class })
@Import({ ClockConfiguration.class, DatabaseConfiguration.class, ReadStoreConfiguration.class })
@ComponentScan(basePackageClasses = { RecordsConfiguration.class, FeedImporter.class })
public class CommonConfiguration {
}
