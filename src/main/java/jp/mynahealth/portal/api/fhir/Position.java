package jp.mynahealth.portal.api.fhir;

import java.time.LocalDate;

/**
 * Where a page ended, in the keyset order of its type (date descending, then the row's key
 * descending): the last row's date, its id, and for checkup results the item code within the checkup.
 */
record Position(LocalDate date, String id, String item) {
}
