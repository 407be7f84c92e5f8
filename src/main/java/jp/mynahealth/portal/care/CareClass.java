package jp.mynahealth.portal.care;

import java.util.Locale;

/**
 * The plain headings the page sorts acts under, from the claims' 診療識別 (the same codes for
 * medical and dental claims), in the order a visit usually goes: seen, managed, given medicine,
 * treated, tested. Several codes share a heading because the codes tell apart how a thing was billed
 * (投薬 21–28 by kind of drug, 入院料 90–97 by kind of ward), which the citizen does not need.
 */
enum CareClass {
    VISIT, MANAGEMENT, HOME, MEDICATION, INJECTION, TREATMENT, SURGERY, ANESTHESIA, TEST, IMAGING, OTHER, INPATIENT;

    static CareClass of(int code) {
        if (code == 11 || code == 12) {
            return VISIT;
        }
        if (code >= 21 && code <= 28) {
            return MEDICATION;
        }
        if (code >= 31 && code <= 33) {
            return INJECTION;
        }
        if (code >= 90 && code <= 97) {
            return INPATIENT;
        }
        return switch (code) {
            case 13 -> MANAGEMENT;
            case 14 -> HOME;
            case 40 -> TREATMENT;
            case 50 -> SURGERY;
            case 54 -> ANESTHESIA;
            case 60 -> TEST;
            case 70 -> IMAGING;
            // 80 (rehabilitation, psychiatric care …) and any code a later claims specification adds.
            default -> OTHER;
        };
    }

    String messageKey() {
        return "care.class." + name().toLowerCase(Locale.ROOT);
    }
}
