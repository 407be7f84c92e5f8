package jp.mynahealth.importer.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.importer.demo.DemoCatalog.Drug;
import jp.mynahealth.importer.demo.DemoCatalog.Institution;
import jp.mynahealth.importer.demo.DemoRows.DispensingRow;
import jp.mynahealth.importer.demo.DemoRows.EPrescriptionRow;
import jp.mynahealth.records.EPrescriptions;

/**
 * One demo person's e-prescription events (src/docs/e-prescriptions.md): for each dispensing of the
 * last 100 days, the prescription's lines and the dispensing's, in the order they happened. Made
 * without the generator's random source, so adding them changes none of the other demo data.
 */
final class DemoEPrescriptions {

    /** A chronic regimen's renewal due on {@code due} and every {@code interval} days after. */
    record Renewal(LocalDate due, Institution clinic, Institution pharmacy, List<Drug> drugs, int interval) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** The clinic prescribes in the morning and the pharmacy dispenses twenty minutes later. */
    private static final LocalTime PRESCRIBED_AT = LocalTime.of(9, 10);
    private static final LocalTime DISPENSED_AT = LocalTime.of(9, 30);

    private final UUID person;
    private final LocalDate asOf;
    private final List<EPrescriptionRow> rows = new ArrayList<>();
    private int prescriptions;

    DemoEPrescriptions(UUID person, LocalDate asOf) {
        this.person = person;
        this.asOf = asOf;
    }

    /** The claims' dispensings of the last 100 days: the same dispensings, known from both sources. */
    void alsoClaimed(List<DispensingRow> dispensings) {
        LocalDate oldest = EPrescriptions.oldestShown(asOf);
        List<DispensingRow> recent = dispensings.stream().filter(d -> !d.dispensedOn().isBefore(oldest))
                .sorted(Comparator.comparing(DispensingRow::dispensedOn)).toList();
        int i = 0;
        while (i < recent.size()) {
            DispensingRow first = recent.get(i);
            List<DispensingRow> prescription = new ArrayList<>();
            while (i < recent.size() && recent.get(i).dispensedOn().equals(first.dispensedOn())
                    && recent.get(i).dispenserCode().equals(first.dispenserCode())
                    && recent.get(i).prescriberCode().equals(first.prescriberCode())) {
                prescription.add(recent.get(i++));
            }
            String id = prescriptionId(first.prescriberCode(), first.dispensedOn());
            int line = 0;
            for (DispensingRow d : prescription) {
                line++;
                add(id, line, "prescribed", first.prescriberCode(), d.dispensedOn(), null, d.drugCode(), d.drugName(),
                        d.quantity(), d.unit(), d.usage(), d.days(), d.category());
            }
            line = 0;
            for (DispensingRow d : prescription) {
                line++;
                add(id, line, "dispensed", first.dispenserCode(), d.dispensedOn(), d.dispensedOn(), d.drugCode(), d.drugName(),
                        d.quantity(), d.unit(), d.usage(), d.days(), d.category());
            }
        }
    }

    /** The renewals due after the claims' month, up to the reference day (a Sunday's on the Monday). */
    void renewal(Renewal renewal) {
        for (LocalDate due = renewal.due(); ; due = due.plusDays(renewal.interval())) {
            LocalDate day = DemoDataGenerator.weekday(due);
            if (day.isAfter(asOf)) {
                return;
            }
            course(day, renewal.clinic(), renewal.pharmacy(), renewal.drugs(), renewal.interval());
        }
    }

    /** A course of {@code days} prescribed by {@code clinic} and dispensed by {@code pharmacy} on {@code day}. */
    void course(LocalDate day, Institution clinic, Institution pharmacy, List<Drug> drugs, int days) {
        String id = prescriptionId(clinic.code(), day);
        for (boolean dispensed : new boolean[] { false, true }) {
            int line = 0;
            for (Drug drug : drugs) {
                line++;
                add(id, line, dispensed ? "dispensed" : "prescribed", dispensed ? pharmacy.code() : clinic.code(), day,
                        dispensed ? day : null, drug.code(), drug.name(), DemoLife.quantity(drug, days), drug.unit(),
                        drug.usage(), DemoLife.supplied(drug, days), drug.category());
            }
        }
    }

    /** In the order they happened: a day's prescriptions before its dispensings. */
    List<EPrescriptionRow> rows() {
        return rows.stream().sorted(Comparator.comparing(EPrescriptionRow::occurredAt)).toList();
    }

    private String prescriptionId(String clinic, LocalDate day) {
        prescriptions++;
        return "rx-" + person.toString().substring(0, 8) + "-" + clinic + "-" + DAY.format(day) + "-" + prescriptions;
    }

    private void add(String prescriptionId, int line, String kind, String institution, LocalDate prescribedOn,
            LocalDate dispensedOn, String drugCode, String drugName, BigDecimal quantity, String unit, String usage,
            int days, String category) {
        boolean dispensed = kind.equals("dispensed");
        OffsetDateTime at = (dispensed ? dispensedOn : prescribedOn).atTime(dispensed ? DISPENSED_AT : PRESCRIBED_AT)
                .atZone(ClockConfiguration.JAPAN).toOffsetDateTime();
        rows.add(new EPrescriptionRow(person, "e" + prescriptionId + (dispensed ? "-d" : "-p") + line, kind, at,
                institution, prescriptionId, prescribedOn, dispensedOn, drugCode, drugName, quantity, unit, usage, days,
                category));
    }
}
