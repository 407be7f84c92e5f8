package jp.mynahealth.portal.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.portal.notices.NewData.Kind;

/** What counts as new since the previous visit. */
class NewDataTest {

    /** 24 November 2026, 10:00 in Japan. */
    private static final Instant VISIT = Instant.parse("2026-11-24T01:00:00Z");

    private static Map<Kind, LocalDate> since(Optional<Instant> visit, Map<Kind, Instant> arrived, Map<Kind, LocalDate> recorded) {
        return new NewData(arrived, recorded).since(visit, ClockConfiguration.JAPAN);
    }

    @Test
    void aFileImportedAfterTheVisitIsNewOneBeforeOrAtItIsNot() {
        assertThat(since(Optional.of(VISIT), Map.of(Kind.CLAIMS, VISIT.plusSeconds(1)), Map.of()))
                .containsExactly(Map.entry(Kind.CLAIMS, LocalDate.of(2026, 11, 24)));
        assertThat(since(Optional.of(VISIT), Map.of(Kind.CLAIMS, VISIT), Map.of())).isEmpty();
        assertThat(since(Optional.of(VISIT), Map.of(Kind.CHECKUPS, VISIT.minusSeconds(1)), Map.of())).isEmpty();
    }

    @Test
    void theArrivalDayIsJapansDay() {
        // 16:00 UTC is already the next day in Japan.
        assertThat(since(Optional.of(VISIT), Map.of(Kind.E_PRESCRIPTIONS, Instant.parse("2026-11-24T16:00:00Z")), Map.of()))
                .containsExactly(Map.entry(Kind.E_PRESCRIPTIONS, LocalDate.of(2026, 11, 25)));
    }

    @Test
    void aVaccinationRecordedOnTheVisitsDayCountsAsSeenTheNextDaysIsNew() {
        assertThat(since(Optional.of(VISIT), Map.of(), Map.of(Kind.VACCINATIONS, LocalDate.of(2026, 11, 24)))).isEmpty();
        assertThat(since(Optional.of(VISIT), Map.of(), Map.of(Kind.VACCINATIONS, LocalDate.of(2026, 11, 25))))
                .containsExactly(Map.entry(Kind.VACCINATIONS, LocalDate.of(2026, 11, 25)));
    }

    @Test
    void aFirstVisitHasNothingNew() {
        assertThat(since(Optional.empty(), Map.of(Kind.CLAIMS, VISIT), Map.of(Kind.VACCINATIONS, LocalDate.of(2026, 11, 25))))
                .isEmpty();
    }

    @Test
    void theKeyNamesTheArrivalSoALaterOneIsAnotherNotice() {
        NewData first = new NewData(Map.of(Kind.CLAIMS, VISIT), Map.of(Kind.VACCINATIONS, LocalDate.of(2026, 11, 25)));
        NewData later = new NewData(Map.of(Kind.CLAIMS, VISIT.plusSeconds(60)), Map.of());
        assertThat(first.key(Kind.CLAIMS)).isEqualTo("new-data:claims:" + VISIT.getEpochSecond());
        assertThat(first.key(Kind.VACCINATIONS)).isEqualTo("new-data:vaccinations:2026-11-25");
        assertThat(later.key(Kind.CLAIMS)).isNotEqualTo(first.key(Kind.CLAIMS));
    }
}
