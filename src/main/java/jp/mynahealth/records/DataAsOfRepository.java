package jp.mynahealth.records;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Up to when each kind of data in the read store is complete.
 * <p>
 * Every personal page states it, and it changes when a feed completes, about once a month: the
 * four dates are read together and kept for {@link #KEPT} rather than read on every page.
 */
@Repository
public class DataAsOfRepository {

    static final Duration KEPT = Duration.ofSeconds(30);

    /** The data kinds of {@code records.data_as_of}. */
    public enum DataKind {
        QUALIFICATION("qualification"), DISPENSING("dispensing"), CHECKUP("checkup"), COST_NOTICE("cost_notice");

        private final String code;

        DataKind(String code) {
            this.code = code;
        }
    }

    /** The dates as read at {@code readAt} ({@link System#nanoTime()}: the test clock must not stop it expiring). */
    private record Snapshot(long readAt, Map<String, LocalDate> dates) {
    }

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    DataAsOfRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocalDate> completeThrough(DataKind kind) {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAt() > KEPT.toNanos()) {
            current = read();
            snapshot = current;
        }
        return Optional.ofNullable(current.dates().get(kind.code));
    }

    private Snapshot read() {
        Map<String, LocalDate> dates = new HashMap<>();
        jdbc.sql("select data_kind, complete_through from records.data_as_of")
                .query(row -> {
                    dates.put(row.getString("data_kind"), row.getObject("complete_through", LocalDate.class));
                });
        return new Snapshot(System.nanoTime(), Map.copyOf(dates));
    }
}
