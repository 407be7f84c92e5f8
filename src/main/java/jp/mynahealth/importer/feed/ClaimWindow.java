package jp.mynahealth.importer.feed;

import java.sql.Array;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.mynahealth.importer.CopyWriter;
import jp.mynahealth.importer.ImportSession;
import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.RefusedFileException;
import jp.mynahealth.importer.claims.ClaimDrug;
import jp.mynahealth.importer.claims.ClaimReceipt;

/**
 * A claims file goes into the store a window of receipts at a time, all in the file's one
 * transaction: each record is checked against the masters as it is read; a full window finds its
 * people with one query (by the insured key in force that month, never by name; name and birth
 * date only confirm), withdraws the receipts it corrects, and is COPYed straight into the receipt,
 * cost and dispensing tables in person order. Memory holds one window, whatever the file's size.
 */
final class ClaimWindow {

    static final int SIZE = 10_000;
    private static final int MAX_PROBLEMS = 100;
    private static final Pattern SPACE = Pattern.compile("\\s");

    /** A receipt waiting in the window, with its drug lines and (調剤) its prescriber. */
    private static final class Pending {
        final String institution;
        final ClaimReceipt receipt;
        final List<ClaimDrug> drugs = new ArrayList<>();
        String prescriber = "";
        UUID person;
        String reason;
        long receiptId;

        Pending(String institution, ClaimReceipt receipt) {
            this.institution = institution;
            this.receipt = receipt;
        }

        String identity() {
            ClaimReceipt r = receipt;
            return String.join("|", institution, r.serviceMonth().toString(), r.category(), prescriber, r.insurerNumber(),
                    symbol(), r.number(), branch());
        }

        String symbol() {
            return receipt.symbol() == null ? "" : receipt.symbol();
        }

        String branch() {
            return receipt.branch() == null ? "00" : receipt.branch();
        }
    }

    private final ImportSession session;
    private final ClaimMasters masters;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Pending> window = new ArrayList<>();
    private long unmatched;
    private long matching;
    private long withdrawing;
    private long writing;

    ClaimWindow(ImportSession session, ClaimMasters masters) {
        this.session = session;
        this.masters = masters;
    }

    void institution(String code, long line) {
        if (!masters.institutions().contains(code)) {
            problem(line, "医療機関コード", "医療機関マスターにない医療機関等コードです: " + code,
                    "an institution code the institution master does not know: " + code);
        }
    }

    void receipt(String institution, ClaimReceipt r) {
        if (window.size() >= SIZE) {
            flush();
        }
        if (!masters.insurers().contains(r.insurerNumber())) {
            problem(r.recordNumber(), "保険者番号", "保険者マスターにない保険者番号です", "an insurer number the insurer master does not know");
        }
        if (!r.cancelled() && (r.publicShareYen() + r.patientShareYen() > r.totalPoints() * 10 || r.days() < 1 || r.days() > 31)) {
            problem(r.recordNumber(), "合計点数", "負担金額が合計を超えるか、日数が1〜31日ではありません",
                    "the shares exceed the total, or the days are not 1-31");
        }
        window.add(new Pending(institution, r));
    }

    void drug(ClaimDrug d) {
        if (!masters.drugs().containsKey(d.drugCode())) {
            problem(d.recordNumber(), "医薬品コード", "医薬品マスターにない医薬品コードです", "a drug code the drug master does not know");
        }
        if (d.prescriberCode() != null && !masters.institutions().contains(d.prescriberCode())) {
            problem(d.recordNumber(), "処方医療機関コード", "医療機関マスターにない処方医療機関です",
                    "a prescribing institution the institution master does not know");
        }
        Pending last = window.get(window.size() - 1);
        last.drugs.add(d);
        if (d.prescriberCode() != null) {
            last.prescriber = d.prescriberCode();
        }
    }

    /** Writes what is left; refuses the file if any record had a problem (the caller rolls back). */
    long finish() {
        flush();
        session.phaseTime("of which matching", matching);
        session.phaseTime("withdrawing", withdrawing);
        session.phaseTime("writing", writing);
        if (!problems.isEmpty()) {
            throw new RefusedFileException(problems);
        }
        return unmatched;
    }

    private void problem(long record, String field, String ja, String en) {
        problems.add(new Problem(record, field, ja, en));
        if (problems.size() >= MAX_PROBLEMS) {
            throw new RefusedFileException(problems);
        }
    }

    private void flush() {
        if (window.isEmpty()) {
            return;
        }
        try {
            if (problems.isEmpty()) {
                refuseDuplicates();
            }
            if (problems.isEmpty()) {
                long began = System.nanoTime();
                match();
                long matched = System.nanoTime();
                withdraw();
                long withdrawn = System.nanoTime();
                matching += matched - began;
                withdrawing += withdrawn - matched;
            }
            if (problems.isEmpty()) {
                long began = System.nanoTime();
                write();
                writing += System.nanoTime() - began;
            }
        } finally {
            window.clear();
        }
    }

    private void refuseDuplicates() {
        Set<String> seen = new HashSet<>();
        for (Pending p : window) {
            if (!seen.add(p.identity())) {
                problem(p.receipt.recordNumber(), "レセプト", "同じ患者・月・区分のレセプトが2枚あります",
                        "two receipts for the same person, month and category");
            }
        }
    }

    /** One query finds the window's people; the names and birth dates are compared here. */
    private void match() {
        int n = window.size();
        String[] insurers = new String[n];
        String[] symbols = new String[n];
        String[] numbers = new String[n];
        String[] branches = new String[n];
        String[] from = new String[n];
        String[] to = new String[n];
        for (int i = 0; i < n; i++) {
            Pending p = window.get(i);
            insurers[i] = p.receipt.insurerNumber();
            symbols[i] = p.symbol();
            numbers[i] = p.receipt.number();
            branches[i] = p.branch();
            from[i] = p.receipt.serviceMonth().atDay(1).toString();
            to[i] = p.receipt.serviceMonth().atEndOfMonth().toString();
        }
        session.jdbc().sql("""
                select k.i, m.person_id, m.candidates, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana,
                       p.birth_date
                from unnest(:insurers, :symbols, :numbers, :branches, :from, :to)
                     with ordinality as k(insurer, symbol, number, branch, from_day, to_day, i)
                cross join lateral (
                    select min(q.person_id::text)::uuid as person_id, count(distinct q.person_id) as candidates
                    from records.qualification q
                    where q.insurer_number = k.insurer and q.symbol = k.symbol and q.number = k.number
                      and q.branch = k.branch::bpchar and q.valid_from <= k.to_day::date
                      and (q.valid_to is null or q.valid_to >= k.from_day::date)) m
                left join records.person p on p.person_id = m.person_id
                """).param("insurers", text(insurers)).param("symbols", text(symbols)).param("numbers", text(numbers))
                .param("branches", text(branches)).param("from", text(from)).param("to", text(to))
                .query((row, rowNumber) -> {
                    Pending p = window.get(row.getInt(1) - 1);
                    long candidates = row.getLong(3);
                    if (candidates == 0) {
                        p.reason = "no_qualification";
                    } else if (candidates > 1) {
                        p.reason = "ambiguous";
                    } else if (!p.receipt.birthDate().equals(row.getObject(8, java.time.LocalDate.class))) {
                        p.reason = "birth_date_differs";
                    } else if (!sameName(p.receipt.name(), row.getString(4), row.getString(5), row.getString(6),
                            row.getString(7))) {
                        p.reason = "name_differs";
                    } else {
                        p.person = row.getObject(2, UUID.class);
                    }
                    return p;
                }).list();
    }

    /** Width and spacing do not count (全角/半角, 「見本 太郎」 = 「見本太郎」); anything else does. */
    static boolean sameName(String written, String family, String given, String familyKana, String givenKana) {
        if (written.equals(family + "　" + given) || written.equals(familyKana + "　" + givenKana)) {
            return true;
        }
        String key = key(written);
        return key.equals(key(family + given)) || key.equals(key(familyKana + givenKana));
    }

    private static String key(String name) {
        return SPACE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
    }

    /**
     * A receipt the store already holds with the same identity is withdrawn with its lines (再請求
     * replaces it, 取消 removes it). Only an institution and month the store holds receipts for are
     * looked up; one from earlier in this same file is a duplicate, and refused.
     */
    private void withdraw() {
        Set<String> pairs = new LinkedHashSet<>();
        for (Pending p : window) {
            pairs.add(p.institution + "|" + p.receipt.serviceMonth().atDay(1));
        }
        String[] pairInstitutions = pairs.stream().map(pair -> pair.substring(0, 10)).toArray(String[]::new);
        String[] pairMonths = pairs.stream().map(pair -> pair.substring(11)).toArray(String[]::new);
        Set<String> known = new HashSet<>(session.jdbc().sql("""
                select p.inst || '|' || p.month from unnest(:institutions, :months) as p(inst, month)
                where exists (select 1 from records.claim_receipt c
                              where c.institution_code = p.inst::bpchar and c.service_month = p.month::date)
                """).param("institutions", text(pairInstitutions)).param("months", text(pairMonths))
                .query(String.class).list());
        if (known.isEmpty()) {
            return;
        }
        List<Pending> candidates = window.stream()
                .filter(p -> known.contains(p.institution + "|" + p.receipt.serviceMonth().atDay(1))).toList();
        int n = candidates.size();
        String[][] columns = new String[8][n];
        for (int i = 0; i < n; i++) {
            Pending p = candidates.get(i);
            String[] values = { p.institution, p.receipt.serviceMonth().atDay(1).toString(), p.receipt.category(),
                p.prescriber, p.receipt.insurerNumber(), p.symbol(), p.receipt.number(), p.branch() };
            for (int c = 0; c < 8; c++) {
                columns[c][i] = values[c];
            }
        }
        List<UUID> persons = new ArrayList<>();
        List<Long> receipts = new ArrayList<>();
        session.jdbc().sql("""
                select k.i, o.person_id, o.receipt_id, o.file_hash = :hash
                from unnest(:institutions, :months, :categories, :prescribers, :insurers, :symbols, :numbers, :branches)
                     with ordinality as k(inst, month, category, prescriber, insurer, symbol, number, branch, i)
                cross join lateral (
                    select o.person_id, o.receipt_id, o.file_hash from records.claim_receipt o
                    where o.institution_code = k.inst::bpchar and o.service_month = k.month::date
                      and o.category = k.category and o.prescriber_code = k.prescriber and o.insurer_number = k.insurer
                      and o.symbol = k.symbol and o.number = k.number and o.branch = k.branch::bpchar) o
                """).param("hash", session.fileHash()).param("institutions", text(columns[0])).param("months", text(columns[1]))
                .param("categories", text(columns[2])).param("prescribers", text(columns[3]))
                .param("insurers", text(columns[4])).param("symbols", text(columns[5])).param("numbers", text(columns[6]))
                .param("branches", text(columns[7]))
                .query((row, rowNumber) -> {
                    if (row.getBoolean(4)) {
                        Pending p = candidates.get(row.getInt(1) - 1);
                        problem(p.receipt.recordNumber(), "レセプト", "同じ患者・月・区分のレセプトが2枚あります",
                                "two receipts for the same person, month and category");
                    } else {
                        persons.add(row.getObject(2, UUID.class));
                        receipts.add(row.getLong(3));
                    }
                    return rowNumber;
                }).list();
        if (persons.isEmpty() || !problems.isEmpty()) {
            return;
        }
        Array personArray = session.array("uuid", persons.toArray());
        Array receiptArray = session.array("bigint", receipts.toArray());
        for (String table : List.of("records.dispensing", "records.cost_notice", "records.claim_receipt")) {
            session.jdbc().sql("delete from " + table + " t using unnest(:persons, :receipts) as g(p, r) "
                    + "where t.person_id = g.p and t.receipt_id = g.r")
                    .param("persons", personArray).param("receipts", receiptArray).update();
        }
    }

    /** The accepted receipts, in person order (every index leads with person_id), then what matched nobody. */
    private void write() {
        List<Pending> accepted = window.stream().filter(p -> !p.receipt.cancelled() && p.person != null)
                .sorted(Comparator.comparing((Pending p) -> p.person.toString()).thenComparingLong(p -> p.receipt.recordNumber()))
                .toList();
        if (!accepted.isEmpty()) {
            List<Long> ids = session.jdbc().sql("select nextval('records.claim_receipt_receipt_id_seq') from generate_series(1, :n)")
                    .param("n", accepted.size()).query(Long.class).list();
            for (int i = 0; i < accepted.size(); i++) {
                accepted.get(i).receiptId = ids.get(i);
            }
            byte[] hash = session.fileHash();
            String hashText = "\\x" + java.util.HexFormat.of().formatHex(hash);
            try (CopyWriter copy = session.copy("records.claim_receipt", "person_id, receipt_id, institution_code, "
                    + "prescriber_code, service_month, category, insurer_number, symbol, number, branch, file_hash")) {
                for (Pending p : accepted) {
                    ClaimReceipt r = p.receipt;
                    copy.row(p.person, p.receiptId, p.institution, p.prescriber, r.serviceMonth().atDay(1), r.category(),
                            r.insurerNumber(), p.symbol(), r.number(), p.branch(), hashText);
                }
                copy.finish();
            }
            try (CopyWriter copy = session.copy("records.cost_notice", "person_id, service_month, institution_code, "
                    + "insurer_number, category, days, total_cost, insurer_share, public_share, patient_share, receipt_id")) {
                for (Pending p : accepted) {
                    ClaimReceipt r = p.receipt;
                    long total = r.totalPoints() * 10;
                    copy.row(p.person, r.serviceMonth().atDay(1), p.institution, r.insurerNumber(), r.category(), r.days(),
                            total, total - r.publicShareYen() - r.patientShareYen(), r.publicShareYen(), r.patientShareYen(),
                            p.receiptId);
                }
                copy.finish();
            }
            try (CopyWriter copy = session.copy("records.dispensing", "person_id, dispensed_on, dispenser_code, "
                    + "prescriber_code, drug_code, drug_name, generic, quantity, unit, usage, days, category, receipt_id")) {
                for (Pending p : accepted) {
                    for (ClaimDrug d : p.drugs) {
                        ClaimMasters.Drug drug = masters.drugs().get(d.drugCode());
                        copy.row(p.person, d.dispensedOn(), p.institution, d.prescriberCode(), drug.yjCode(), drug.name(),
                                drug.generic(), d.quantity(), drug.unit(), d.usage(), d.days(), d.category(), p.receiptId);
                    }
                }
                copy.finish();
            }
        }
        List<Pending> apart = window.stream().filter(p -> !p.receipt.cancelled() && p.reason != null).toList();
        if (!apart.isEmpty()) {
            String hashText = "\\x" + java.util.HexFormat.of().formatHex(session.fileHash());
            try (CopyWriter copy = session.copy("records.unmatched", "file_hash, record_number, kind, reason, insurer_number, "
                    + "symbol, number, branch, name, birth_date, service_date, content")) {
                for (Pending p : apart) {
                    ClaimReceipt r = p.receipt;
                    copy.row(hashText, r.recordNumber(), "claim", p.reason, r.insurerNumber(), p.symbol(), r.number(),
                            p.branch(), r.name(), r.birthDate(), r.serviceMonth().atDay(1), content(p));
                }
                copy.finish();
            }
            unmatched += apart.size();
        }
    }

    /** What else the receipt said, kept for the operator (codes and numbers only: no escaping needed). */
    private static String content(Pending p) {
        ClaimReceipt r = p.receipt;
        return "{\"institution_code\": \"" + p.institution + "\", \"prescriber_code\": \"" + p.prescriber
                + "\", \"receipt_no\": " + r.receiptNumber() + ", \"category\": \"" + r.category() + "\", \"days\": " + r.days()
                + ", \"total_points\": " + r.totalPoints() + ", \"public_yen\": " + r.publicShareYen() + ", \"patient_yen\": "
                + r.patientShareYen() + ", \"drug_lines\": " + p.drugs.size() + "}";
    }

    private Array text(String[] values) {
        return session.array("text", values);
    }
}
