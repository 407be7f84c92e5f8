package jp.mynahealth.importer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import jp.mynahealth.importer.CopyWriter;
import jp.mynahealth.importer.FeedKind;
import jp.mynahealth.importer.FeedLoader;
import jp.mynahealth.importer.ImportSession;
import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.eprescriptions.EPrescriptionReader;
import jp.mynahealth.records.EPrescriptions;

/**
 * The e-prescription events (電子処方箋, src/docs/e-prescriptions.md) into {@code records.e_prescription}.
 * Each event is matched to a person like a claim (insured key in force on its day; name and birth
 * date must agree). An event the store already holds changes nothing (the stream may deliver one
 * twice); a cancellation removes the event it names and stays as a tombstone, so that event is not
 * taken should it come later. Only the last {@link EPrescriptions#KEPT_DAYS} days are kept: older
 * events in the file are skipped, and older events in the store are removed, whoever they belong to.
 */
@Component
class EPrescriptionLoader implements FeedLoader {

    private static final String COLUMNS = "record_no, event_id, kind, occurred_at, happened_on, insurer_number, symbol, number, "
            + "branch, name, birth_date, institution_code, prescription_id, prescriber_code, drug_code, drug_name, quantity, unit, "
            + "usage, days, category, cancels";

    private final PersonMatching matching;
    private final Clock clock;

    EPrescriptionLoader(PersonMatching matching, Clock clock) {
        this.matching = matching;
        this.clock = clock;
    }

    @Override
    public FeedKind kind() {
        return FeedKind.E_PRESCRIPTIONS;
    }

    @Override
    public long load(InputStream in, ImportSession session) throws IOException {
        LocalDate today = LocalDate.now(clock);
        session.execute("""
                create temp table stage_erx (record_no bigint, event_id text, kind text, occurred_at timestamptz,
                    happened_on date, insurer_number varchar(8), symbol text, number text, branch char(2), name text,
                    birth_date date, institution_code char(10), prescription_id text, prescriber_code char(10),
                    drug_code varchar(12), drug_name text, quantity numeric, unit text, usage text, days integer,
                    category text, cancels text) on commit drop
                """);
        long[] events = new long[1];
        try (CopyWriter copy = session.copy("stage_erx", COLUMNS)) {
            EPrescriptionReader.read(in, today, event -> {
                events[0]++;
                session.recordRead();
                copy.row(event.recordNumber(), event.eventId(), event.kind().code(), event.occurredAt(),
                        event.happenedOn(), event.insurerNumber(), event.symbol(), event.number(), event.branch(),
                        event.name(), event.birthDate(), event.institutionCode(), event.prescriptionId(),
                        event.prescriberCode(), event.drugCode(), event.drugName(), event.quantity(), event.unit(),
                        event.usage(), event.days(), event.category(), event.cancels());
            });
            copy.finish();
        }
        session.phase("read and stage");
        session.execute("analyze stage_erx");
        check(session);
        session.phase("check");
        // Past the 100 days an event is not kept, for anybody: it is neither matched nor kept apart.
        LocalDate oldestKept = EPrescriptions.oldestShown(today);
        session.jdbc().sql("delete from stage_erx where happened_on < :oldest").param("oldest", oldestKept).update();
        matching.match(session, "stage_erx s", "true", "erx_match", "s.happened_on",
                "s.happened_on", "s.event_id, s.kind, s.occurred_at, s.institution_code, s.prescription_id, s.prescriber_code, "
                        + "s.drug_code, s.drug_name, s.quantity, s.unit, s.usage, s.days, s.category, s.cancels",
                "case when reason is null then true end");
        session.phase("match");
        apply(session);
        session.phase("write");
        session.jdbc().sql("delete from records.e_prescription where happened_on < :oldest").param("oldest", oldestKept).update();
        session.phase("prune");
        session.countUnmatched(matching.keepUnmatched(session, "erx_match", "e_prescription", "true",
                "jsonb_build_object('event_id', event_id, 'kind', kind, 'institution_code', institution_code, "
                        + "'prescription_id', prescription_id, 'drug_code', drug_code, 'cancels', cancels)"));
        // The stream is as fresh as the newest event it has brought (within the 100 days), whoever that event was for.
        session.execute("""
                insert into records.data_as_of (data_kind, complete_through, latest_event_at)
                select 'e_prescription', (max(occurred_at) at time zone 'Asia/Tokyo')::date, max(occurred_at)
                from stage_erx having count(*) > 0
                on conflict (data_kind) do update set
                    complete_through = greatest(records.data_as_of.complete_through, excluded.complete_through),
                    latest_event_at = greatest(records.data_as_of.latest_event_at, excluded.latest_event_at)
                """);
        return events[0];
    }

    private static void check(ImportSession session) {
        session.refuseWhereFound("""
                select max(record_no) from stage_erx group by event_id having count(*) > 1 order by 1
                """, row -> MasterLoaders.problem(row, "event_id", "同じ event_id が2回あります", "the same event_id appears twice"));
        session.refuseWhereFound("""
                select s.record_no, 'institution_code' from stage_erx s
                where not exists (select 1 from records.institution i where i.institution_code = s.institution_code)
                union all
                select s.record_no, 'prescriber_code' from stage_erx s
                where s.prescriber_code is not null
                  and not exists (select 1 from records.institution i where i.institution_code = s.prescriber_code)
                order by 1
                """, row -> {
                    try {
                        return new Problem(row.getLong(1), row.getString(2), "医療機関マスターにない医療機関等コードです",
                                "an institution code the institution master does not know");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static void apply(ImportSession session) {
        // Delivered twice (in an earlier file), or withdrawn before it arrived: nothing to take.
        session.execute("""
                update erx_match m set accepted_id = null
                where m.accepted_id and exists (
                    select 1 from records.e_prescription e
                    where e.person_id = m.person_id and (e.event_id = m.event_id or e.cancels = m.event_id))
                """);
        session.jdbc().sql("""
                insert into records.e_prescription (person_id, event_id, kind, occurred_at, happened_on, institution_code,
                                                    prescription_id, prescriber_code, drug_code, drug_name, generic, quantity,
                                                    unit, usage, days, category, cancels, file_hash)
                select m.person_id, m.event_id, m.kind, m.occurred_at, m.service_date, m.institution_code, m.prescription_id,
                       m.prescriber_code, m.drug_code, m.drug_name,
                       case when m.kind <> 'cancelled' then exists (select 1 from records.drug_master dm
                                                                   where dm.yj_code = m.drug_code and dm.generic) end,
                       m.quantity, m.unit, m.usage, m.days, m.category, m.cancels, :hash
                from erx_match m where m.accepted_id
                order by m.person_id, m.record_no
                """).param("hash", session.fileHash()).update();
        // A cancellation withdraws the event it names, held from before or taken just now (never another cancellation).
        session.execute("""
                delete from records.e_prescription e using erx_match c
                where c.accepted_id and c.kind = 'cancelled'
                  and e.person_id = c.person_id and e.event_id = c.cancels and e.kind <> 'cancelled'
                """);
        // A dispensing that does not name its prescriber has it from its prescription, whichever came first.
        session.execute("""
                update records.e_prescription d set prescriber_code = p.institution_code
                from records.e_prescription p
                where d.person_id in (select person_id from erx_match where accepted_id)
                  and d.kind = 'dispensed' and d.prescriber_code is null
                  and p.person_id = d.person_id and p.kind = 'prescribed' and p.prescription_id = d.prescription_id
                """);
    }
}
