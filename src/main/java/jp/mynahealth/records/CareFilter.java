package jp.mynahealth.records;

import java.time.LocalDate;

/**
 * What the citizen narrowed the care list to: a period (inclusive days), one institution, and a
 * search in the acts' names (folded by {@link TextSearch}). Nulls mean "any".
 */
public record CareFilter(LocalDate from, LocalDate to, String institutionCode, String procedureName) {
}
