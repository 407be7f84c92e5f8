package jp.mynahealth.records;

import java.time.LocalDate;

/**
 * One dose of a routine vaccination as the municipality recorded it.
 *
 * @param vaccineCode the code of records.vaccine (DPT-IPV-HIB, MR, JE …)
 * @param vaccineName the code list's Japanese name, for a code the page has no name of its own for
 * @param doseNumber  counted over the vaccine's periods (日本脳炎: 1期初回 1 and 2, 1期追加 3, 2期 4)
 * @param lotNumber   null when the municipality did not record one
 */
public record Vaccination(LocalDate givenOn, String vaccineCode, String vaccineName, int doseNumber, String place,
        String lotNumber) {
}
