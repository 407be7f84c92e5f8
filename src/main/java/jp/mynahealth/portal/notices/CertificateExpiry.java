package jp.mynahealth.portal.notices;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Where a card's user-authentication certificate stands on a day. It can be renewed at the municipal
 * office from three months before it expires; once expired, the card still works as a health
 * insurance card until the end of the third month after the month it expired (MHLW), though it no
 * longer logs in anywhere.
 */
enum CertificateExpiry {
    /** From three months before the expiry day up to and including that day. */
    RENEW_SOON,
    /** After the expiry day, until the end of the third month after its month. */
    INSURANCE_GRACE;

    static Optional<CertificateExpiry> on(LocalDate expires, LocalDate today) {
        if (today.isBefore(renewableFrom(expires))) {
            return Optional.empty();
        }
        if (!today.isAfter(expires)) {
            return Optional.of(RENEW_SOON);
        }
        if (!today.isAfter(insuranceUntil(expires))) {
            return Optional.of(INSURANCE_GRACE);
        }
        return Optional.empty();
    }

    static LocalDate renewableFrom(LocalDate expires) {
        return expires.minusMonths(3);
    }

    /** The last day the expired card still serves as a health insurance card. */
    static LocalDate insuranceUntil(LocalDate expires) {
        return YearMonth.from(expires).plusMonths(3).atEndOfMonth();
    }
}
