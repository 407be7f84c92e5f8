package jp.mynahealth.records;

import java.time.LocalDate;

/**
 * What the citizen narrowed the drug list to: a period (inclusive days), one dispensing
 * institution, and a drug name search (folded by {@link TextSearch}). Nulls mean "any".
 */
public record DispensingFilter(LocalDate from, LocalDate to, String institutionCode, String drugName) {
}
