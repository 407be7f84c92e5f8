package jp.mynahealth.common.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The importer's own connections, with the one login that may write the read store. Not a
 * {@code DataSource} bean itself, so nothing that asks for "the" data source gets it by accident.
 */
public final class ImporterDataSource implements AutoCloseable {

    private final HikariDataSource pool;

    ImporterDataSource(HikariDataSource pool) {
        this.pool = pool;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
