package jp.mynahealth.importer.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import jp.mynahealth.importer.demo.DemoRows.CheckupResultRow;
import jp.mynahealth.importer.demo.DemoRows.CheckupRow;
import jp.mynahealth.importer.demo.DemoRows.CostNoticeRow;
import jp.mynahealth.importer.demo.DemoRows.DispensingRow;
import jp.mynahealth.importer.demo.DemoRows.PersonRow;
import jp.mynahealth.importer.demo.DemoRows.QualificationRow;

/**
 * Writes generated rows with PostgreSQL's COPY (text format): rows are buffered per table and sent
 * table by table, persons first, whenever the buffers grow past a few megabytes. The caller owns
 * the connection and its transaction.
 */
final class CopySink implements DemoRows.Sink {

    private static final int FLUSH_CHARACTERS = 8 * 1024 * 1024;

    /** Target tables in the order their foreign keys need, with the columns COPY fills. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("person", "records.person (person_id, family_name, given_name, family_name_kana, given_name_kana, "
                + "birth_date, sex, municipality_code)");
        TABLES.put("qualification", "records.qualification (person_id, insurer_number, symbol, number, branch, "
                + "relationship, copay_percent, valid_from, valid_to, limit_category)");
        TABLES.put("dispensing", "records.dispensing (person_id, dispensed_on, dispenser_code, prescriber_code, drug_code, "
                + "drug_name, generic, quantity, unit, usage, days, category)");
        TABLES.put("checkup", "records.checkup (person_id, checkup_id, checked_on, program, institution_code, "
                + "metabolic_judgement, guidance_level)");
        TABLES.put("checkup_result", "records.checkup_result (person_id, checkup_id, item_code, item_name, value_numeric, "
                + "value_text, unit, reference_low, reference_high, flag)");
        TABLES.put("data_provision", "records.data_provision (person_id, provided_at, institution_code, data_kind)");
        TABLES.put("cost_notice", "records.cost_notice (person_id, service_month, institution_code, insurer_number, "
                + "category, days, total_cost, insurer_share, public_share, patient_share)");
    }

    private final CopyManager copy;
    private final Map<String, StringBuilder> buffers = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private int buffered;

    CopySink(Connection connection) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        TABLES.keySet().forEach(table -> {
            buffers.put(table, new StringBuilder());
            counts.put(table, 0L);
        });
    }

    @Override
    public void person(PersonRow r) {
        row("person", r.personId(), r.familyName(), r.givenName(), r.familyNameKana(), r.givenNameKana(), r.birthDate(),
                r.sex(), r.municipalityCode());
    }

    @Override
    public void qualification(QualificationRow r) {
        row("qualification", r.personId(), r.insurerNumber(), r.symbol(), r.number(), r.branch(), r.relationship(),
                r.copayPercent(), r.validFrom(), r.validTo(), r.limitCategory());
    }

    @Override
    public void dispensing(DispensingRow r) {
        row("dispensing", r.personId(), r.dispensedOn(), r.dispenserCode(), r.prescriberCode(), r.drugCode(), r.drugName(),
                r.generic(), r.quantity().toPlainString(), r.unit(), r.usage(), r.days(), r.category());
    }

    @Override
    public void checkup(CheckupRow r) {
        row("checkup", r.personId(), r.checkupId(), r.checkedOn(), r.program(), r.institutionCode(), r.metabolicJudgement(),
                r.guidanceLevel());
    }

    @Override
    public void checkupResult(CheckupResultRow r) {
        row("checkup_result", r.personId(), r.checkupId(), r.itemCode(), r.itemName(),
                r.valueNumeric() == null ? null : r.valueNumeric().toPlainString(), r.valueText(), r.unit(),
                r.referenceLow() == null ? null : r.referenceLow().toPlainString(),
                r.referenceHigh() == null ? null : r.referenceHigh().toPlainString(), r.flag());
    }

    @Override
    public void costNotice(CostNoticeRow r) {
        row("cost_notice", r.personId(), r.serviceMonth(), r.institutionCode(), r.insurerNumber(), r.category(), r.days(),
                r.totalCost(), r.insurerShare(), r.publicShare(), r.patientShare());
    }

    @Override
    public void provision(DemoRows.ProvisionRow r) {
        row("data_provision", r.personId(), r.providedAt(), r.institutionCode(), r.dataKind());
    }

    @Override
    public void householdDone() {
        if (buffered > FLUSH_CHARACTERS) {
            flush();
        }
    }

    /** Sends what is buffered; call once more at the end. */
    void flush() {
        try {
            for (Map.Entry<String, StringBuilder> entry : buffers.entrySet()) {
                StringBuilder text = entry.getValue();
                if (text.length() > 0) {
                    long rows = copy.copyIn("copy " + TABLES.get(entry.getKey()) + " from stdin",
                            new StringReader(text.toString()));
                    counts.merge(entry.getKey(), rows, Long::sum);
                    text.setLength(0);
                }
            }
            buffered = 0;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the read store failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows written per table so far. */
    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    private void row(String table, Object... values) {
        StringBuilder out = buffers.get(table);
        int before = out.length();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendField(out, values[i]);
        }
        out.append('\n');
        buffered += out.length() - before;
    }

    static void appendField(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
