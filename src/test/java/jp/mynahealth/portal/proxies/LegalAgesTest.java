package jp.mynahealth.portal.proxies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The ages acting for others turns on, at their boundaries. */
class LegalAgesTest {

    @Test
    void aParentsLinkHoldsThroughTheDayTheChildAttains18() {
        LocalDate birth = LocalDate.of(2008, 4, 1);
        assertThat(LegalAges.lastDayAsMinor(birth)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(LegalAges.adult(birth, LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(LegalAges.adult(birth, LocalDate.of(2026, 4, 1))).isTrue();
    }

    @Test
    void someoneBornOn29FebruaryAttainsTheAgeAtTheEndOf28February() {
        LocalDate birth = LocalDate.of(2008, 2, 29);
        assertThat(LegalAges.lastDayAsMinor(birth)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(LegalAges.adult(birth, LocalDate.of(2026, 2, 28))).isFalse();
        assertThat(LegalAges.adult(birth, LocalDate.of(2026, 3, 1))).isTrue();
        assertThat(LegalAges.lastDayAsMinor(LocalDate.of(2008, 3, 1))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void aChildMayEndTheParentsLinkFrom15() {
        LocalDate birth = LocalDate.of(2011, 12, 1);
        assertThat(LegalAges.mayEndParentsLink(birth, LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(LegalAges.mayEndParentsLink(birth, LocalDate.of(2026, 12, 1))).isTrue();
    }
}
