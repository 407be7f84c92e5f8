package jp.mynahealth.portal.api.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The rows of the read store the resources are made from, as {@link FhirRecordsRepository} reads them. */
final class RecordRows {

    private RecordRows() {
    }

    /** A page of rows and whether more follow it. */
    record Page<T>(List<T> rows, boolean more) {
    }

    /** A qualification: never its 記号・番号・枝番, which no resource carries (src/docs/apps.md). */
    record CoverageRow(long id, String insurerNumber, String insurerName, String insurerKind, String relationship,
            int copayPercent, LocalDate validFrom, LocalDate validTo) {

        boolean covers(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    record DispenseRow(long id, LocalDate dispensedOn, String pharmacyCode, String pharmacyName, String prescriberName,
            String drugCode, String drugName, boolean generic, BigDecimal quantity, String unit, String usage, int days,
            String category) {
    }

    record ResultRow(UUID checkupId, LocalDate checkedOn, String program, String institutionCode, String institutionName,
            String itemCode, String itemName, BigDecimal valueNumeric, String valueText, String unit,
            BigDecimal referenceLow, BigDecimal referenceHigh, String flag) {
    }

    /** A dose of a routine vaccination as the municipality recorded it; the lot number may be missing. */
    record VaccinationRow(long id, LocalDate givenOn, String vaccineCode, String vaccineName, int doseNumber,
            String lotNumber, String place, LocalDate recordedOn) {
    }

    record NoticeRow(long id, LocalDate serviceMonth, String institutionCode, String institutionName, String insurerNumber,
            String insurerName, String category, int days, long totalCost, long insurerShare, long publicShare,
            long patientShare) {
    }
}
