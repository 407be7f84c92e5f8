package jp.mynahealth.records;

import java.time.LocalDate;

/**
 * The same ingredient dispensed on prescriptions of two different institutions for overlapping
 * days: a possible 重複投薬 the citizen may want to ask about.
 */
public record DuplicateDispensing(String ingredientCode, String firstDrug, String firstPrescriber, LocalDate firstFrom,
        LocalDate firstTo, String secondDrug, String secondPrescriber, LocalDate secondFrom, LocalDate secondTo) {
}
