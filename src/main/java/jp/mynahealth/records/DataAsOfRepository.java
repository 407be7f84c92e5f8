package jp.mynahealth.records;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jp.mynahealth.common.database.ReadStore;
import org.springframework.stereotype.Repository;

/**
 * Up to when each kind of data in the read store is complete.
 * <p>
 * Every personal page states it, and it changes when a feed completes, about once a month (the
 * e-prescription stream, every few minutes): the dates are read together and kept for
 * {@link #KEPT} rather than read on every page.
 */
@Repository
public class DataAsOfRepository {

    static final Duration KEPT = Duration.ofSeconds(30);

    /** The data kinds of {@code records.data_as_of}. */
    public enum DataKind {
        QUALIFICATION("qualification"), DISPENSING("dispensing"), CHECKUP("checkup"), COST_NOTICE("cost_notice"),
        VACCINATION("vaccination"),
        /** 診療情報, from the medical and dental claims: complete through a day, as the dispensings. */
        CARE("care"),
        /** A stream: its as-of is the time of its newest event ({@link #latestEvent}). */
        E_PRESCRIPTION("e_prescription");

        private final String code;

        DataKind(String code) {
            this.code = code;
        }
    }

    /**
     * The dates as read at {@code readAt} ({@link System#nanoTime()}: the test clock must not stop
     * it expiring), and from where: a page's as-of date comes from the server its records come
     * from, so a replica that is behind never shows the primary's newer date.
     */
    private record Snapshot(long readAt, boolean fromReplica, Map<String, LocalDate> dates,
            Map<String, Instant> latestEvents) {
    }

    private final ReadStore store;
    private volatile Snapshot snapshot;

    DataAsOfRepository(ReadStore store) {
        this.store = store;
    }

    public Optional<LocalDate> completeThrough(DataKind kind) {
        return Optional.ofNullable(current().dates().get(kind.code));
    }

    /** For a stream (e-prescriptions): when the newest event the store has taken happened. */
    public Optional<Instant> latestEvent(DataKind kind) {
        return Optional.ofNullable(current().latestEvents().get(kind.code));
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAt() > KEPT.toNanos()
                || current.fromReplica() != store.usingReplica()) {
            current = read();
            snapshot = current;
        }
        return current;
    }

    /** For a kind taken from claims (dispensings, cost notices, care received): the month it is complete through, as pages state it. */
    public Optional<ClaimsFreshness> claimsFreshness(DataKind kind, LocalDate today) {
        return completeThrough(kind).map(through -> ClaimsFreshness.of(through, today));
    }

    private Snapshot read() {
        Map<String, LocalDate> dates = new HashMap<>();
        Map<String, Instant> latestEvents = new HashMap<>();
        boolean fromReplica = store.usingReplica();
        store.jdbc().sql("select data_kind, complete_through, latest_event_at from records.data_as_of")
                .query(row -> {
                    dates.put(row.getString("data_kind"), row.getObject("complete_through", LocalDate.class));
                    OffsetDateTime latest = row.getObject("latest_event_at", OffsetDateTime.class);
                    if (latest != null) {
                        latestEvents.put(row.getString("data_kind"), latest.toInstant());
                    }
                });
        return new Snapshot(System.nanoTime(), fromReplica, Map.copyOf(dates), Map.copyOf(latestEvents));
    }
}
