package jp.mynahealth.importer.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.mynahealth.importer.checkups.CheckupDocument;
import jp.mynahealth.importer.claims.ClaimCareAct;
import jp.mynahealth.importer.claims.ClaimDrug;
import jp.mynahealth.importer.claims.ClaimReceipt;
import jp.mynahealth.importer.demo.DemoRows.CheckupResultRow;
import jp.mynahealth.importer.demo.DemoRows.CheckupRow;
import jp.mynahealth.importer.demo.DemoRows.CostNoticeRow;
import jp.mynahealth.importer.demo.DemoRows.DispensingRow;
import jp.mynahealth.importer.demo.DemoRows.EPrescriptionRow;
import jp.mynahealth.importer.demo.DemoRows.PersonRow;
import jp.mynahealth.importer.demo.DemoRows.ProvisionRow;
import jp.mynahealth.importer.demo.DemoRows.QualificationRow;

/** One generated person's rows, turned into what the feeds carry: events, receipts and documents. */
final class DemoPerson {

    /** A receipt with the institution that claims it and its drug lines. */
    record Receipt(String institutionCode, ClaimReceipt receipt, List<ClaimDrug> drugs, List<ClaimCareAct> acts) {
    }

    PersonRow person;
    final List<QualificationRow> qualifications = new ArrayList<>();
    final List<DispensingRow> dispensings = new ArrayList<>();
    final List<CheckupRow> checkups = new ArrayList<>();
    final List<CheckupResultRow> results = new ArrayList<>();
    final List<CostNoticeRow> notices = new ArrayList<>();
    final List<ProvisionRow> provisions = new ArrayList<>();
    final List<DemoRows.VaccinationRow> vaccinations = new ArrayList<>();
    final List<EPrescriptionRow> ePrescriptions = new ArrayList<>();
    final List<DemoRows.CareActRow> careActs = new ArrayList<>();

    void start(PersonRow row) {
        clear();
        person = row;
    }

    void clear() {
        person = null;
        qualifications.clear();
        dispensings.clear();
        checkups.clear();
        results.clear();
        notices.clear();
        provisions.clear();
        vaccinations.clear();
        ePrescriptions.clear();
        careActs.clear();
    }

    /**
     * 資格取得 for each qualification, 資格変更 where the same insured key carries on with another
     * copay (a 70th birthday), and 資格喪失 the day after the last valid day.
     */
    List<String> qualificationEvents(LocalDate processedOn) {
        List<QualificationRow> sorted = qualifications.stream().sorted(Comparator.comparing(QualificationRow::validFrom)).toList();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            QualificationRow q = sorted.get(i);
            QualificationRow previous = i > 0 ? sorted.get(i - 1) : null;
            QualificationRow next = i + 1 < sorted.size() ? sorted.get(i + 1) : null;
            boolean continues = previous != null && sameKey(previous, q) && previous.validTo() != null
                    && previous.validTo().plusDays(1).equals(q.validFrom());
            if (continues) {
                lines.add(event(processedOn, "change", q, q.validFrom(), false));
            } else {
                lines.add(event(processedOn, "acquire", q, q.validFrom(), true));
            }
            boolean carriedOn = next != null && sameKey(q, next) && q.validTo() != null
                    && q.validTo().plusDays(1).equals(next.validFrom());
            if (q.validTo() != null && !carriedOn) {
                lines.add(event(processedOn, "lose", q, q.validTo().plusDays(1), false));
            }
        }
        return lines;
    }

    private static boolean sameKey(QualificationRow a, QualificationRow b) {
        return a.insurerNumber().equals(b.insurerNumber()) && Objects.equals(a.symbol(), b.symbol())
                && a.number().equals(b.number()) && a.branch().equals(b.branch());
    }

    private String event(LocalDate processedOn, String event, QualificationRow q, LocalDate effective, boolean particulars) {
        boolean lose = event.equals("lose");
        return String.join(",", processedOn.toString(), event, person.personId().toString(), q.insurerNumber(),
                q.symbol() == null ? "" : q.symbol(), q.number(), q.branch(),
                lose ? "" : q.relationship().equals("本人") ? "1" : "2", lose ? "" : String.valueOf(q.copayPercent()),
                lose || q.limitCategory() == null ? "" : q.limitCategory(), effective.toString(),
                particulars ? person.familyName() : "", particulars ? person.givenName() : "",
                particulars ? person.familyNameKana() : "", particulars ? person.givenNameKana() : "",
                particulars ? person.birthDate().toString() : "", particulars ? String.valueOf(person.sex()) : "",
                particulars ? person.municipalityCode() : "");
    }

    /**
     * One receipt per cost line, with the month's drugs for a 調剤 line and its procedures for the
     * others; null where no qualification covers it.
     */
    List<Receipt> receipts() {
        List<Receipt> receipts = new ArrayList<>();
        for (CostNoticeRow n : notices) {
            YearMonth month = YearMonth.from(n.serviceMonth());
            QualificationRow q = coverage(n.insurerNumber(), month.atDay(1), month.atEndOfMonth());
            if (q == null) {
                receipts.add(null);
                continue;
            }
            ClaimReceipt receipt = new ClaimReceipt(0, 0, n.category(), month, n.insurerNumber(), q.symbol(), q.number(),
                    q.branch(), person.familyName() + "　" + person.givenName(), person.birthDate(), person.sex(), n.days(),
                    n.totalCost() / 10, n.publicShare(), n.patientShare(), false);
            List<ClaimDrug> drugs = new ArrayList<>();
            if (n.category().equals("調剤")) {
                for (DispensingRow d : dispensings) {
                    if (d.dispenserCode().equals(n.institutionCode()) && YearMonth.from(d.dispensedOn()).equals(month)
                            && d.prescriberCode().equals(n.prescriberCode())
                            && coverage(n.insurerNumber(), d.dispensedOn(), d.dispensedOn()) != null) {
                        drugs.add(new ClaimDrug(0, 0, d.dispensedOn(), d.prescriberCode(), DemoMasters.receiptCode(d.drugCode()),
                                d.quantity(), d.days(), d.usage(), d.category()));
                    }
                }
            }
            List<ClaimCareAct> acts = new ArrayList<>();
            for (DemoRows.CareActRow a : careActs) {
                if (a.institutionCode().equals(n.institutionCode()) && a.category().equals(n.category())
                        && YearMonth.from(a.performedOn()).equals(month)
                        && coverage(n.insurerNumber(), a.performedOn(), a.performedOn()) != null) {
                    acts.add(new ClaimCareAct(0, 0, a.careClass(), a.procedureCode(), a.performedOn(), a.times()));
                }
            }
            receipts.add(new Receipt(n.institutionCode(), receipt, drugs, acts));
        }
        return receipts;
    }

    /** The person's checkups as exchange documents; null where no qualification covers the day. */
    List<CheckupDocument> checkupDocuments() {
        List<CheckupDocument> documents = new ArrayList<>();
        for (CheckupRow c : checkups) {
            QualificationRow q = coverage(null, c.checkedOn(), c.checkedOn());
            if (q == null) {
                documents.add(null);
                continue;
            }
            List<CheckupResultRow> rows = results.stream().filter(r -> r.checkupId().equals(c.checkupId())).toList();
            documents.add(new CheckupDocument(0, "", "1.2.392.200119.6.1.99130001^" + c.checkupId(), 1, c.checkedOn(),
                    c.program(), c.institutionCode(), eightDigits(q.insurerNumber()), q.symbol(), q.number(), q.branch(),
                    person.familyNameKana() + "　" + person.givenNameKana(), person.birthDate(), person.sex(),
                    c.metabolicJudgement(), c.guidanceLevel(), DemoFeedWriter.items(rows)));
        }
        return documents;
    }

    /**
     * The person's e-prescription events as the feed's JSON objects (src/docs/e-prescriptions.md), with
     * the insured key in force on each event's day; null where no qualification covers it.
     */
    List<Map<String, Object>> ePrescriptionEvents() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (EPrescriptionRow e : ePrescriptions) {
            LocalDate day = e.dispensedOn() != null ? e.dispensedOn() : e.prescribedOn();
            QualificationRow q = coverage(null, day, day);
            if (q == null) {
                events.add(null);
                continue;
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event_id", e.eventId());
            event.put("kind", e.kind());
            event.put("occurred_at", e.occurredAt().toString());
            event.put("insurer_number", q.insurerNumber());
            event.put("symbol", q.symbol() == null ? "" : q.symbol());
            event.put("number", q.number());
            event.put("branch", q.branch());
            event.put("name", person.familyName() + "　" + person.givenName());
            event.put("birth_date", person.birthDate().toString());
            event.put("institution_code", e.institutionCode());
            event.put("prescription_id", e.prescriptionId());
            event.put("prescribed_on", e.prescribedOn().toString());
            if (e.dispensedOn() != null) {
                event.put("dispensed_on", e.dispensedOn().toString());
            }
            event.put("drug_code", e.drugCode());
            event.put("drug_name", e.drugName());
            event.put("quantity", e.quantity());
            event.put("unit", e.unit());
            event.put("usage", e.usage());
            event.put("days", e.days());
            event.put("category", e.category());
            events.add(event);
        }
        return events;
    }

    /** The checkup format writes every 保険者番号 in 8 digits: a 6-digit 国保 number is left-padded with zeros. */
    static String eightDigits(String insurerNumber) {
        return insurerNumber.length() == 6 ? "00" + insurerNumber : insurerNumber;
    }

    private QualificationRow coverage(String insurer, LocalDate from, LocalDate to) {
        for (QualificationRow q : qualifications) {
            if ((insurer == null || q.insurerNumber().equals(insurer)) && !q.validFrom().isAfter(to)
                    && (q.validTo() == null || !q.validTo().isBefore(from))) {
                return q;
            }
        }
        return null;
    }
}
