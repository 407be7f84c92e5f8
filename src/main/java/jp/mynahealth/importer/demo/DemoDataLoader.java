package jp.mynahealth.importer.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.importer.demo.DemoDataGenerator.DataAsOf;

/**
 * Fills the read store with generated citizens, all in one transaction: a failure leaves the
 * store as it was. Used for the demo set on first start and for large stores on demand.
 */
@Component
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    /** Serialises loaders of several processes that start against one empty store at once. */
    private static final long LOAD_LOCK = 0x6d796e61L;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoDataLoader(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a load wrote, and how long it took. */
    public record LoadReport(Map<String, Long> rows, Duration took) {
        public long persons() {
            return rows.getOrDefault("person", 0L);
        }
    }

    /** Loads the 見本 family and {@code others} random people if the store holds nobody yet. */
    public boolean loadDemoSetIfEmpty(long seed, int others) {
        Boolean loaded = transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOAD_LOCK).query().singleRow();
            boolean empty = jdbc.sql("select not exists (select 1 from records.person)").query(Boolean.class).single();
            if (!empty) {
                return false;
            }
            LoadReport report = write(seed, others, true);
            log.info("Loaded the demo set: {} in {} ms", report.rows(), report.took().toMillis());
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    /** Adds {@code persons} generated people (without the 見本 family) for a large store. */
    public LoadReport generate(long seed, int persons) {
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOAD_LOCK).query().singleRow();
            return write(seed, persons, false);
        });
    }

    private LoadReport write(long seed, int persons, boolean showcase) {
        long began = System.nanoTime();
        DemoDataGenerator generator = new DemoDataGenerator(seed, LocalDate.now(clock));
        writeCatalog(generator.dataAsOf());
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopySink sink = new CopySink(connection);
            if (showcase) {
                generator.generateShowcase(sink);
            }
            generator.generatePersons(persons, sink);
            sink.flush();
            return new LoadReport(sink.counts(), Duration.ofNanos(System.nanoTime() - began));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the generated data: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void writeCatalog(DataAsOf asOf) {
        for (DemoCatalog.Insurer insurer : DemoCatalog.INSURERS) {
            jdbc.sql("""
                    insert into records.insurer (insurer_number, name, kind, prefecture)
                    values (:number, :name, :kind, :prefecture)
                    on conflict (insurer_number) do nothing
                    """)
                    .param("number", insurer.number()).param("name", insurer.name())
                    .param("kind", insurer.kind()).param("prefecture", insurer.prefecture())
                    .update();
        }
        for (DemoCatalog.Institution institution : DemoCatalog.INSTITUTIONS) {
            jdbc.sql("""
                    insert into records.institution (institution_code, name, kind, prefecture)
                    values (:code, :name, :kind, :prefecture)
                    on conflict (institution_code) do nothing
                    """)
                    .param("code", institution.code()).param("name", institution.name())
                    .param("kind", institution.kind()).param("prefecture", institution.prefecture())
                    .update();
        }
        Map<String, LocalDate> kinds = Map.of("qualification", asOf.qualification(), "dispensing", asOf.dispensing(),
                "checkup", asOf.checkup(), "cost_notice", asOf.costNotice());
        kinds.forEach((kind, date) -> jdbc.sql("""
                insert into records.data_as_of (data_kind, complete_through) values (:kind, :date)
                on conflict (data_kind) do update set complete_through = greatest(records.data_as_of.complete_through, excluded.complete_through)
                """).param("kind", kind).param("date", date).update());
    }
}
