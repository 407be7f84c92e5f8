package jp.mynahealth.importer.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The rows the demo generator produces, one record per read-store table, and where they go. */
final class DemoRows {

    private DemoRows() {
    }

    record PersonRow(UUID personId, String familyName, String givenName, String familyNameKana, String givenNameKana,
            LocalDate birthDate, int sex, String municipalityCode) {
    }

    record QualificationRow(UUID personId, String insurerNumber, String symbol, String number, String branch,
            String relationship, int copayPercent, LocalDate validFrom, LocalDate validTo, String limitCategory) {
    }

    record DispensingRow(UUID personId, LocalDate dispensedOn, String dispenserCode, String prescriberCode,
            String drugCode, String drugName, boolean generic, BigDecimal quantity, String unit, String usage,
            int days, String category) {
    }

    record CheckupRow(UUID personId, UUID checkupId, LocalDate checkedOn, String program, String institutionCode,
            Integer metabolicJudgement, Integer guidanceLevel) {
    }

    record CheckupResultRow(UUID personId, UUID checkupId, String itemCode, String itemName, BigDecimal valueNumeric,
            String valueText, String unit, BigDecimal referenceLow, BigDecimal referenceHigh, String flag) {
    }

    /** @param prescriberCode for a 調剤 line, the institution whose prescriptions it covers; empty otherwise */
    record CostNoticeRow(UUID personId, LocalDate serviceMonth, String institutionCode, String insurerNumber,
            String category, int days, long totalCost, long insurerShare, long publicShare, long patientShare,
            String prescriberCode) {
    }

    record ProvisionRow(UUID personId, java.time.Instant providedAt, String institutionCode, String dataKind) {
    }

    /** A routine vaccination as the municipality records it (its register's id, the day it entered the dose). */
    record VaccinationRow(UUID personId, LocalDate birthDate, String municipalityCode, String recordRef, String vaccineCode,
            int doseNumber, LocalDate givenOn, LocalDate recordedOn, String lotNumber, String place) {
    }

    /**
     * One e-prescription event (src/docs/e-prescriptions.md) of one drug line: {@code prescribed} by the
     * institution, or {@code dispensed} by it (a pharmacy) on the prescription {@code prescriptionId}.
     */
    record EPrescriptionRow(UUID personId, String eventId, String kind, java.time.OffsetDateTime occurredAt,
            String institutionCode, String prescriptionId, LocalDate prescribedOn, LocalDate dispensedOn, String drugCode,
            String drugName, BigDecimal quantity, String unit, String usage, int days, String category) {
    }

    /** Receives generated rows in dependency order: a person before anything that refers to them. */
    /** One procedure on one day of a 医科 or 歯科 visit (an SI record's day). */
    record CareActRow(UUID personId, LocalDate performedOn, String institutionCode, String category, int careClass,
            String procedureCode, int times) {
    }

    interface Sink {
        void person(PersonRow row);

        void qualification(QualificationRow row);

        void dispensing(DispensingRow row);

        void checkup(CheckupRow row);

        void checkupResult(CheckupResultRow row);

        void costNotice(CostNoticeRow row);

        void provision(ProvisionRow row);

        /** Municipal vaccination records; a sink that does not keep them may ignore them. */
        default void vaccination(VaccinationRow row) {
        }

        void ePrescription(EPrescriptionRow row);

        /** What was done at the person's visits; a sink that does not keep them may ignore them. */
        default void careAct(CareActRow row) {
        }

        /** Called after each household, a safe point to flush. */
        default void householdDone() {
        }
    }
}
