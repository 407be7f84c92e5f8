package jp.mynahealth.portal.notices;

import static jp.mynahealth.portal.notices.CertificateExpiry.INSURANCE_GRACE;
import static jp.mynahealth.portal.notices.CertificateExpiry.RENEW_SOON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The card certificate's notice on the days around its thresholds. */
class CertificateExpiryTest {

    private static final LocalDate EXPIRES = LocalDate.of(2027, 2, 10);

    @Test
    void nothingUntilThreeMonthsBeforeThenRenewFromThatDayOn() {
        assertThat(CertificateExpiry.on(EXPIRES, LocalDate.of(2026, 11, 9))).isEmpty();
        assertThat(CertificateExpiry.on(EXPIRES, LocalDate.of(2026, 11, 10))).contains(RENEW_SOON);
        assertThat(CertificateExpiry.renewableFrom(EXPIRES)).isEqualTo(LocalDate.of(2026, 11, 10));
    }

    @Test
    void theExpiryDayItselfStillAsksToRenewTheDayAfterIsTheGrace() {
        assertThat(CertificateExpiry.on(EXPIRES, EXPIRES)).contains(RENEW_SOON);
        assertThat(CertificateExpiry.on(EXPIRES, EXPIRES.plusDays(1))).contains(INSURANCE_GRACE);
    }

    @Test
    void theGraceLastsToTheEndOfTheThirdMonthAfterTheExpiryMonth() {
        assertThat(CertificateExpiry.insuranceUntil(EXPIRES)).isEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(CertificateExpiry.on(EXPIRES, LocalDate.of(2027, 5, 31))).contains(INSURANCE_GRACE);
        assertThat(CertificateExpiry.on(EXPIRES, LocalDate.of(2027, 6, 1))).isEmpty();
    }

    @Test
    void monthEndsAndLeapYearsCountByTheCalendar() {
        // Three months before 31 May is 28 February (29 in a leap year), as plusMonths clamps the day.
        assertThat(CertificateExpiry.renewableFrom(LocalDate.of(2027, 5, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(CertificateExpiry.renewableFrom(LocalDate.of(2028, 5, 31))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(CertificateExpiry.insuranceUntil(LocalDate.of(2027, 11, 30))).isEqualTo(LocalDate.of(2028, 2, 29));
    }
}
