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
import jp.mynahealth.importer.claims.ClaimDrug;
import jp.mynahealth.importer.claims.ClaimFileHeader;
import jp.mynahealth.importer.claims.ClaimReceipt;
import jp.mynahealth.importer.claims.ClaimSink;
import jp.mynahealth.importer.claims.ClaimsReader;

/**
 * A claims file (レセ電) into cost lines and, from 調剤 receipts, dispensings. The file is staged
 * whole, checked against the masters in SQL, then each receipt is matched to a person by the
 * insured key and the qualification period — never by name — and the name and birth date on the
 * receipt must agree with that person, or the receipt is kept apart as unmatched.
 */
@Component
class ClaimsLoader implements FeedLoader {

    private static final String COLUMNS = "record_no, rec, institution_code, receipt_no, category, service_month, insurer_number, symbol, "
            + "number, branch, name, birth_date, sex, days, total_points, public_yen, patient_yen, cancelled, dispensed_on, "
            + "prescriber_code, drug_code, quantity, drug_days, usage, drug_category";

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
                create temp table stage_claim (record_no bigint, rec char(1), institution_code text, receipt_no integer, category text,
                    service_month date, insurer_number text, symbol text, number text, branch text, name text, birth_date date,
                    sex smallint, days integer, total_points bigint, public_yen bigint, patient_yen bigint, cancelled boolean,
                    dispensed_on date, prescriber_code text, drug_code text, quantity numeric, drug_days integer, usage text,
                    drug_category text) on commit drop
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
                                prescriber == null ? "" : prescriber, null, null, null, null, null);
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
                            d.days(), d.usage(), d.category());
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
        session.execute("analyze stage_claim");
        check(session, institutions);
        byte[] hash = session.fileHash();
        session.execute("""
                create temp table claim_withdrawn on commit drop as
                with gone as (
                    delete from records.claim_receipt c using stage_claim s
                    where s.rec = 'R' and c.institution_code = s.institution_code and c.service_month = s.service_month
                      and c.category = s.category and c.prescriber_code = s.prescriber_code
                      and c.insurer_number = s.insurer_number and c.symbol = s.symbol
                      and c.number = s.number and c.branch = s.branch
                    returning c.person_id, c.receipt_id)
                select * from gone
                """);
        session.execute("""
                delete from records.dispensing d using claim_withdrawn g where d.person_id = g.person_id and d.receipt_id = g.receipt_id
                """);
        session.execute("""
                delete from records.cost_notice n using claim_withdrawn g where n.person_id = g.person_id and n.receipt_id = g.receipt_id
                """);
        matching.match(session, "stage_claim s", "s.rec = 'R'", "claim_match", "s.service_month",
                "(s.service_month + interval '1 month' - interval '1 day')::date",
                "s.institution_code, s.prescriber_code, s.service_month, s.receipt_no, s.category, s.days, s.total_points, s.public_yen, s.patient_yen, s.cancelled",
                "case when reason is null and not cancelled then nextval('records.claim_receipt_receipt_id_seq') end");
        session.jdbc().sql("""
                insert into records.claim_receipt (person_id, receipt_id, institution_code, prescriber_code, service_month,
                                                   category, insurer_number, symbol, number, branch, file_hash)
                select person_id, accepted_id, institution_code, prescriber_code, service_month, category, insurer_number,
                       symbol, number, branch, :hash
                from claim_match where accepted_id is not null
                """).param("hash", hash).update();
        session.jdbc().sql("""
                insert into records.cost_notice (person_id, service_month, institution_code, insurer_number, category, days,
                                                 total_cost, insurer_share, public_share, patient_share, receipt_id)
                select person_id, service_month, institution_code, insurer_number, category, days, total_points * 10,
                       total_points * 10 - public_yen - patient_yen, public_yen, patient_yen, accepted_id
                from claim_match where accepted_id is not null order by record_no
                """).update();
        session.jdbc().sql("""
                insert into records.dispensing (person_id, dispensed_on, dispenser_code, prescriber_code, drug_code, drug_name,
                                                generic, quantity, unit, usage, days, category, receipt_id)
                select m.person_id, d.dispensed_on, m.institution_code, d.prescriber_code, dm.yj_code, dm.name, dm.generic,
                       d.quantity, dm.unit, d.usage, d.drug_days, d.drug_category, m.accepted_id
                from stage_claim d
                join claim_match m on m.institution_code = d.institution_code and m.receipt_no = d.receipt_no
                join records.drug_master dm on dm.drug_code = d.drug_code
                where d.rec = 'D' and m.accepted_id is not null
                order by d.record_no
                """).update();
        session.countUnmatched(matching.keepUnmatched(session, "claim_match", "claim", "not cancelled",
                "jsonb_build_object('institution_code', institution_code, 'receipt_no', receipt_no, 'category', category, "
                        + "'days', days, 'total_points', total_points, 'public_yen', public_yen, 'patient_yen', patient_yen)"));
        LocalDate through = latest[0].minusMonths(1).atEndOfMonth();
        for (String kind : new String[] { "dispensing", "cost_notice" }) {
            session.jdbc().sql("""
                    insert into records.data_as_of (data_kind, complete_through) values (:kind, :through)
                    on conflict (data_kind) do update set complete_through = greatest(records.data_as_of.complete_through, excluded.complete_through)
                    """).param("kind", kind).param("through", through).update();
        }
        return records[0];
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
        session.refuseWhereFound("""
                select s.record_no, s.drug_code from stage_claim s
                where s.rec = 'D' and not exists (select 1 from records.drug_master m where m.drug_code = s.drug_code)
                order by 1
                """, row -> MasterLoaders.problem(row, "医薬品コード", "医薬品マスターにない医薬品コードです",
                "a drug code the drug master does not know"));
        session.refuseWhereFound("""
                select s.record_no from stage_claim s
                where s.rec = 'D' and s.prescriber_code is not null and s.prescriber_code <> ''
                  and not exists (select 1 from records.institution i where i.institution_code = s.prescriber_code)
                order by 1
                """, row -> MasterLoaders.problem(row, "処方医療機関コード", "医療機関マスターにない処方医療機関です",
                "a prescribing institution the institution master does not know"));
        session.refuseWhereFound("""
                select min(s.record_no) from stage_claim s
                where s.rec = 'R' and not exists (select 1 from records.insurer i where i.insurer_number = s.insurer_number)
                group by s.insurer_number order by 1
                """, row -> MasterLoaders.problem(row, "保険者番号", "保険者マスターにない保険者番号です",
                "an insurer number the insurer master does not know"));
        session.refuseWhereFound("""
                select max(s.record_no) from stage_claim s where s.rec = 'R'
                group by s.institution_code, s.prescriber_code, s.service_month, s.category, s.insurer_number, s.symbol, s.number, s.branch having count(*) > 1
                order by 1
                """, row -> MasterLoaders.problem(row, "レセプト", "同じ患者・月・区分のレセプトが2枚あります",
                "two receipts for the same person, month and category"));
        session.refuseWhereFound("""
                select s.record_no from stage_claim s
                where s.rec = 'R' and not s.cancelled
                  and (s.public_yen + s.patient_yen > s.total_points * 10 or s.days not between 1 and 31)
                order by 1
                """, row -> MasterLoaders.problem(row, "合計点数", "負担金額が合計を超えるか、日数が1〜31日ではありません",
                "the shares exceed the total, or the days are not 1-31"));
    }
}
