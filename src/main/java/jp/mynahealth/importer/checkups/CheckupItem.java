package jp.mynahealth.importer.checkups;

import java.math.BigDecimal;

/**
 * One observation of a checkup document: a JLAC10 item with a numeric (PQ) or coded/text value,
 * its unit and reference range as the document gives them.
 *
 * @param code JLAC10 code, 17 characters
 * @param flag H above, L below the reference range, null within it or when the document does not say
 */
public record CheckupItem(String code, String name, BigDecimal valueNumeric, String valueText, String unit,
        BigDecimal referenceLow, BigDecimal referenceHigh, String flag) {
}
