package jp.mynahealth.importer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import jp.mynahealth.importer.CopyWriter;
import jp.mynahealth.importer.FeedKind;
import jp.mynahealth.importer.FeedLoader;
import jp.mynahealth.importer.ImportSession;
import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.RefusedFileException;
import jp.mynahealth.importer.claims.ClaimCareAct;
import jp.mynahealth.importer.claims.ClaimDrug;
import jp.mynahealth.importer.claims.ClaimFileHeader;
import jp.mynahealth.importer.claims.ClaimReceipt;
import jp.mynahealth.importer.claims.ClaimSink;
import jp.mynahealth.importer.claims.ClaimsReader;

/**
 * A claims file (レセ電) into cost lines and, from 調剤 receipts, dispensings, from 医科 and 歯科
 * receipts' SI records, care acts (診療情報; the SY records, diagnoses, are never read). The file is staged
 * whole, checked against the masters in SQL, then each receipt is matched to a person by the
 * insured key and the qualification period — never by name — and the name and birth date on the
 * receipt must agree with that person, or the receipt is kept apart as unmatched.
 */
@Component
class ClaimsLoader implements FeedLoader {

    private static final String COLUMNS = "record_no, rec, institution_code, receipt_no, category, service_month, insurer_number, symbol, "
            + "number, branch, name, birth_date, sex, days, total_points, public_yen, patient_yen, cancelled, line_day, "
            + "prescriber_code, drug_code, quantity, drug_days, usage, drug_category, care_class, procedure_code, times";

    private final PersonMatching matching;

    ClaimsLoader(PersonMatching matching) {
        this.matching = matching;
    }

    @Override
    public FeedKind kind() {
        return FeedKind.CLAIMS;
    }

    @Override
    public long load(InputStream in, ImportSession session) throws IOException {
        session.execute("""
                create temp table stage_claim (record_no bigint, rec char(1), institution_code char(10), receipt_no integer,
                    category text, service_month date, insurer_number varchar(8), symbol text, number text, branch char(2), name text, birth_date date,
                    sex smallint, days integer, total_points bigint, public_yen bigint, patient_yen bigint, cancelled boolean,
                    line_day date, prescriber_code text, drug_code text, quantity numeric, drug_days integer, usage text,
                    drug_category text, care_class smallint, procedure_code text, times integer) on commit drop
                """);
        ClaimFileHeader[] header = new ClaimFileHeader[1];
        java.util.Map<String, Long> institutions = new java.util.LinkedHashMap<>();
        java.time.YearMonth[] latest = new java.time.YearMonth[1];
        long[] records = new long[1];
        try (CopyWriter copy = session.copy("stage_claim", COLUMNS)) {
            ClaimsReader.read(in, new ClaimSink() {
                private ClaimReceipt pending;
                private String pendingInstitution;
                private String prescriber;

                @Override
                public void header(ClaimFileHeader h) {
                    flush();
                    header[0] = h;
                    institutions.putIfAbsent(h.institutionCode(), records[0] + 1);
                    if (latest[0] == null || h.claimMonth().isAfter(latest[0])) {
                        latest[0] = h.claimMonth();
                    }
                }

                @Override
                public void receipt(ClaimReceipt r) {
                    flush();
                    records[0]++;
                    session.recordRead();
                    pending = r;
                    pendingInstitution = header[0].institutionCode();
                }

                /**
                 * A 調剤 receipt is made per prescribing institution, so the prescriber (known from
                 * its drug lines) belongs to its identity: the receipt row waits for them.
                 */
                void flush() {
                    if (pending != null) {
                        ClaimReceipt r = pending;
                        copy.row(r.recordNumber(), "R", pendingInstitution, r.receiptNumber(), r.category(),
                                r.serviceMonth().atDay(1), r.insurerNumber(), r.symbol() == null ? "" : r.symbol(),
                                r.number(), r.branch() == null ? "00" : r.branch(), r.name(), r.birthDate(), r.sex(), r.days(),
                                r.totalPoints(), r.publicShareYen(), r.patientShareYen(), r.cancelled(), null,
                                prescriber == null ? "" : prescriber, null, null, null, null, null, null, null, null);
                    }
                    pending = null;
                    prescriber = null;
                }

                @Override
                public void drug(ClaimDrug d) {
                    if (d.prescriberCode() != null) {
                        prescriber = d.prescriberCode();
                    }
                    records[0]++;
                    session.recordRead();
                    copy.row(d.recordNumber(), "D", header[0].institutionCode(), d.receiptNumber(), null, null, null, null, null, null, null, null, null,
                            null, null, null, null, null, d.dispensedOn(), d.prescriberCode(), d.drugCode(), d.quantity(),
                            d.days(), d.usage(), d.category(), null, null, null);
                }

                @Override
                public void careAct(ClaimCareAct a) {
                    records[0]++;
                    session.recordRead();
                    copy.row(a.recordNumber(), "C", header[0].institutionCode(), a.receiptNumber(), null, null, null, null, null, null, null, null, null,
                            null, null, null, null, null, a.performedOn(), null, null, null, null, null, null, a.careClass(),
                            a.procedureCode(), a.times());
                }

                @Override
                public void end() {
                    flush();
                }
            });
            copy.finish();
        }
        if (header[0] == null) {
            throw new RefusedFileException(Problem.ofFile("ヘッダーレコード（IR/YK）がありません", "no IR/YK header record"));
        }
        session.phase("read and stage");
        session.execute("analyze stage_claim");
        check(session, institutions);
        session.phase("check");
        matching.match(session, "stage_claim s", "s.rec = 'R'", "claim_match", "s.service_month",
                "(s.service_month + interval '1 month' - interval '1 day')::date",
                "s.institution_code, s.prescriber_code, s.service_month, s.receipt_no, s.category, s.days, s.total_points, s.public_yen, s.patient_yen, s.cancelled",
                "case when reason is null and not cancelled then nextval('records.claim_receipt_receipt_id_seq') end");
        // The dispensings are joined with the drug master and put in person order now, while the
        // earlier file of the run may still be writing, so that writing this one is plain inserts.
        session.execute("""
                create temp table claim_dispensing on commit drop as
                select m.person_id, d.line_day as dispensed_on, m.institution_code, d.prescriber_code, dm.yj_code, dm.name, dm.generic,
                       d.quantity, dm.unit, d.usage, d.drug_days, d.drug_category, m.accepted_id
                from stage_claim d
                join claim_match m on m.institution_code = d.institution_code and m.receipt_no = d.receipt_no
                join records.drug_master dm on dm.drug_code = d.drug_code
                where d.rec = 'D' and m.accepted_id is not null
                order by m.person_id, d.record_no
                """);
        session.execute("""
                create temp table claim_care on commit drop as
                select m.person_id, c.line_day as performed_on, m.institution_code, m.category, c.care_class, c.procedure_code,
                       pm.name, c.times, m.accepted_id
                from stage_claim c
                join claim_match m on m.institution_code = c.institution_code and m.receipt_no = c.receipt_no
                join records.procedure_master pm on pm.procedure_code = c.procedure_code
                where c.rec = 'C' and m.accepted_id is not null
                order by m.person_id, c.record_no
                """);
        session.phase("match");
        // From here on the earlier files of the run are committed: the receipts they hold are seen.
        session.beginApply();
        byte[] hash = session.fileHash();
        // Only an institution and month the store already holds receipts for can be a correction: a
        // month's first delivery (the usual case) probes a few dozen pairs, not every receipt. Where
        // a pair is known, each of its staged receipts looks its identity up in the unique index.
        session.execute("""
                create temp table claim_withdrawn on commit drop as
                with known as (
                    select p.institution_code, p.service_month
                    from (select distinct institution_code, service_month from stage_claim where rec = 'R') p
                    where exists (select 1 from records.claim_receipt c
                                  where c.institution_code = p.institution_code and c.service_month = p.service_month))
                select old.person_id, old.receipt_id from stage_claim s
                join known k on k.institution_code = s.institution_code and k.service_month = s.service_month
                cross join lateral (
                    select o.person_id, o.receipt_id from records.claim_receipt o
                    where o.institution_code = s.institution_code and o.service_month = s.service_month
                      and o.category = s.category and o.prescriber_code = s.prescriber_code
                      and o.insurer_number = s.insurer_number and o.symbol = s.symbol and o.number = s.number
                      and o.branch = s.branch) old
                where s.rec = 'R'
                """);
        long withdrawn = session.jdbc().sql("select count(*) from claim_withdrawn").query(Long.class).single();
        if (withdrawn > 0) {
            session.execute("analyze claim_withdrawn");
            session.execute("""
                    delete from records.claim_receipt c using claim_withdrawn g
                    where c.person_id = g.person_id and c.receipt_id = g.receipt_id
                    """);
            session.execute("""
                    delete from records.dispensing d using claim_withdrawn g
                    where d.person_id = g.person_id and d.receipt_id = g.receipt_id
                    """);
            session.execute("""
                    delete from records.cost_notice n using claim_withdrawn g
                    where n.person_id = g.person_id and n.receipt_id = g.receipt_id
                    """);
            session.execute("""
                    delete from records.care_act a using claim_withdrawn g
                    where a.person_id = g.person_id and a.receipt_id = g.receipt_id
                    """);
        }
        session.phase("withdraw earlier receipts");
        // Rows go in person by person: every index of these tables leads with person_id, and
        // inserting in that order touches each index page once instead of at random (2.2 times
        // faster for a month of cost lines, measured). claim_match and claim_dispensing were
        // written in that order, and a scan of a temporary table reads them back in it.
        session.jdbc().sql("""
                insert into records.claim_receipt (person_id, receipt_id, institution_code, prescriber_code, service_month,
                                                   category, insurer_number, symbol, number, branch, file_hash)
                select person_id, accepted_id, institution_code, prescriber_code, service_month, category, insurer_number,
                       symbol, number, branch, :hash
                from claim_match where accepted_id is not null
                """).param("hash", hash).update();
        session.phase("receipts");
        session.jdbc().sql("""
                insert into records.cost_notice (person_id, service_month, institution_code, insurer_number, category, days,
                                                 total_cost, insurer_share, public_share, patient_share, receipt_id)
                select person_id, service_month, institution_code, insurer_number, category, days, total_points * 10,
                       total_points * 10 - public_yen - patient_yen, public_yen, patient_yen, accepted_id
                from claim_match where accepted_id is not null
                """).update();
        session.phase("cost lines");
        session.execute("""
                insert into records.dispensing (person_id, dispensed_on, dispenser_code, prescriber_code, drug_code, drug_name,
                                                generic, quantity, unit, usage, days, category, receipt_id)
                select person_id, dispensed_on, institution_code, prescriber_code, yj_code, name, generic, quantity, unit,
                       usage, drug_days, drug_category, accepted_id
                from claim_dispensing
                """);
        session.phase("dispensings");
        session.execute("""
                insert into records.care_act (person_id, receipt_id, performed_on, institution_code, category, care_class,
                                              procedure_code, procedure_name, times)
                select person_id, accepted_id, performed_on, institution_code, category, care_class, procedure_code, name, times
                from claim_care
                """);
        session.phase("care acts");
        session.countUnmatched(matching.keepUnmatched(session, "claim_match", "claim", "not cancelled",
                "jsonb_build_object('institution_code', institution_code, 'receipt_no', receipt_no, 'category', category, "
                        + "'days', days, 'total_points', total_points, 'public_yen', public_yen, 'patient_yen', patient_yen)"));
        LocalDate through = latest[0].minusMonths(1).atEndOfMonth();
        for (String kind : new String[] { "dispensing", "cost_notice", "care" }) {
            session.jdbc().sql("""
                    insert into records.data_as_of (data_kind, complete_through) values (:kind, :through)
                    on conflict (data_kind) do update set complete_through = greatest(records.data_as_of.complete_through, excluded.complete_through)
                    """).param("kind", kind).param("through", through).update();
        }
        return records[0];
    }

    private static Problem problem(java.sql.ResultSet row) {
        try {
            long record = row.getLong(1);
            return switch (row.getString(2)) {
                case "drug" -> new Problem(record, "医薬品コード", "医薬品マスターにない医薬品コードです",
                        "a drug code the drug master does not know");
                case "procedure" -> new Problem(record, "診療行為コード", "診療行為マスターにない診療行為コードです",
                        "a procedure code the procedure master does not know");
                case "prescriber" -> new Problem(record, "処方医療機関コード", "医療機関マスターにない処方医療機関です",
                        "a prescribing institution the institution master does not know");
                case "insurer" -> new Problem(record, "保険者番号", "保険者マスターにない保険者番号です",
                        "an insurer number the insurer master does not know");
                default -> new Problem(record, "合計点数", "負担金額が合計を超えるか、日数が1〜31日ではありません",
                        "the shares exceed the total, or the days are not 1-31");
            };
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(ImportSession session, java.util.Map<String, Long> institutions) {
        for (java.util.Map.Entry<String, Long> institution : institutions.entrySet()) {
            boolean known = session.jdbc().sql("select exists (select 1 from records.institution where institution_code = :code)")
                    .param("code", institution.getKey()).query(Boolean.class).single();
            if (!known) {
                throw new RefusedFileException(new Problem(institution.getValue(), "医療機関コード",
                        "医療機関マスターにない医療機関等コードです: " + institution.getKey(),
                        "an institution code the institution master does not know: " + institution.getKey()));
            }
        }
        // One pass over the staged file for every per-record check against the masters.
        session.refuseWhereFound("""
                select record_no, problem from (
                    select s.record_no,
                           case when s.rec = 'D' and m.drug_code is null then 'drug'
                                when s.rec = 'D' and s.prescriber_code <> '' and i.institution_code is null then 'prescriber'
                                when s.rec = 'C' and p.procedure_code is null then 'procedure'
                                when s.rec = 'R' and r.insurer_number is null then 'insurer'
                                when s.rec = 'R' and not s.cancelled
                                 and (s.public_yen + s.patient_yen > s.total_points * 10 or s.days not between 1 and 31)
                                    then 'shares'
                           end as problem
                    from stage_claim s
                    left join records.drug_master m on s.rec = 'D' and m.drug_code = s.drug_code
                    left join records.procedure_master p on s.rec = 'C' and p.procedure_code = s.procedure_code
                    left join records.institution i on s.rec = 'D' and i.institution_code = s.prescriber_code
                    left join records.insurer r on s.rec = 'R' and r.insurer_number = s.insurer_number
                ) checked
                where problem is not null order by record_no
                """, ClaimsLoader::problem);
        session.refuseWhereFound("""
                select max(s.record_no) from stage_claim s where s.rec = 'R'
                group by s.institution_code, s.prescriber_code, s.service_month, s.category, s.insurer_number, s.symbol, s.number, s.branch having count(*) > 1
                order by 1
                """, row -> MasterLoaders.problem(row, "レセプト", "同じ患者・月・区分のレセプトが2枚あります",
                "two receipts for the same person, month and category"));
    }
}
