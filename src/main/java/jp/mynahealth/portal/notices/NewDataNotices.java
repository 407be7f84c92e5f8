package jp.mynahealth.portal.notices;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.common.database.ReadStore;
import jp.mynahealth.portal.notices.NewData.Kind;

/**
 * New data arrived since the person's previous visit: claims (drugs and costs), checkups, vaccination
 * records and e-prescriptions. One statement for all four, each part on the person's own rows.
 * E-prescription events reach the store the day they happen, so their time is their arrival.
 */
@Component
class NewDataNotices implements NoticeSource {

    private final ReadStore store;

    NewDataNotices(ReadStore store) {
        this.store = store;
    }

    @Override
    public List<Notice> notices(NoticeContext context) {
        if (context.previousVisit().isEmpty()) {
            // Everything is new on a first visit: the dashboard already says what there is.
            return List.of();
        }
        NewData data = latest(context);
        Map<Kind, LocalDate> fresh = data.since(context.previousVisit(), ClockConfiguration.JAPAN);
        LocalDate visitDay = context.previousVisit().get().atZone(ClockConfiguration.JAPAN).toLocalDate();
        return fresh.entrySet().stream()
                .map(e -> new Notice(data.key(e.getKey()), e.getValue(), "notices.data." + e.getKey().code + ".title",
                        "notices.data.text", List.of(e.getValue(), visitDay), e.getKey().link, e.getKey().actionKey))
                .toList();
    }

    private NewData latest(NoticeContext context) {
        return store.jdbc().sql("""
                select (select max(f.imported_at)
                        from records.claim_receipt r join records.import_file f on f.file_hash = r.file_hash
                        where r.person_id = :person) as claims,
                       (select max(f.imported_at)
                        from records.checkup c join records.import_file f on f.file_hash = c.file_hash
                        where c.person_id = :person) as checkups,
                       (select max(e.occurred_at) from records.e_prescription e
                        where e.person_id = :person and e.kind <> 'cancelled') as e_prescriptions,
                       (select max(v.recorded_on) from records.vaccination v where v.person_id = :person) as vaccinations
                """)
                .param("person", context.person().id().value())
                .query((row, n) -> {
                    Map<Kind, java.time.Instant> arrived = new EnumMap<>(Kind.class);
                    put(arrived, Kind.CLAIMS, row.getTimestamp("claims"));
                    put(arrived, Kind.CHECKUPS, row.getTimestamp("checkups"));
                    put(arrived, Kind.E_PRESCRIPTIONS, row.getTimestamp("e_prescriptions"));
                    LocalDate vaccinations = row.getObject("vaccinations", LocalDate.class);
                    return new NewData(arrived, vaccinations == null ? Map.of() : Map.of(Kind.VACCINATIONS, vaccinations));
                })
                .single();
    }

    private static void put(Map<Kind, java.time.Instant> arrived, Kind kind, Timestamp at) {
        if (at != null) {
            arrived.put(kind, at.toInstant());
        }
    }
}
