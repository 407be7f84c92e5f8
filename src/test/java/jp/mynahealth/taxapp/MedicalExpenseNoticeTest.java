package jp.mynahealth.taxapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class MedicalExpenseNoticeTest {

    @Test
    void theTotalsTheReturnTakes() {
        MedicalExpenseNotice notice = MedicalExpenseNotice.of(NoticeFixture.taroNotice().getDocumentElement());
        assertThat(notice.patient()).isEqualTo("見本 太郎");
        assertThat(notice.year()).isEqualTo(2025);
        assertThat(notice.createdOn()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(notice.insurer()).isEqualTo("全国健康保険協会");
        assertThat(notice.count()).isEqualTo(3);
        assertThat(notice.paid()).isEqualTo(3_600 + 1_500 + 6_003);
        assertThat(notice.totalCost()).isEqualTo(12_000 + 5_000 + 20_010);
        assertThat(notice.lines()).extracting(MedicalExpenseNotice.Line::institution)
                .containsExactly("見本内科クリニック", "見本薬局", "見本歯科医院");
        assertThat(notice.lines().get(2)).isEqualTo(new MedicalExpenseNotice.Line(YearMonth.of(2025, 6), "歯科", 3,
                "見本歯科医院", 20_010, 14_007, 0, 6_003, "全国健康保険協会"));
    }

    @Test
    void aYearWithoutCareHasZeroTotals() {
        MedicalExpenseNotice notice = MedicalExpenseNotice.of(NoticeFixture.notice(2024, List.of()).getDocumentElement());
        assertThat(notice.year()).isEqualTo(2024);
        assertThat(notice.count()).isZero();
        assertThat(notice.paid()).isZero();
    }

    @Test
    void statedTotalsThatDoNotAddUpAreRefused() {
        Document document = NoticeFixture.taroNotice();
        Element stated = (Element) document.getElementsByTagNameNS(SignedNoticeVerifier.NAMESPACE, "Gokei").item(0);
        stated.getElementsByTagNameNS(SignedNoticeVerifier.NAMESPACE, "MadoguchiSotoFutan").item(0).setTextContent("11104");
        assertThatThrownBy(() -> MedicalExpenseNotice.of(document.getDocumentElement()))
                .isInstanceOf(MedicalExpenseNotice.NoticeContentException.class).hasMessageContaining("totals");
    }

    @Test
    void aLineOutsideTheYearIsRefused() {
        Document document = NoticeFixture.notice(2025, List.of(new MedicalExpenseNotice.Line(YearMonth.of(2024, 12), "調剤", 1,
                "見本薬局", 1_000, 700, 0, 300, "全国健康保険協会")));
        assertThatThrownBy(() -> MedicalExpenseNotice.of(document.getDocumentElement()))
                .isInstanceOf(MedicalExpenseNotice.NoticeContentException.class).hasMessageContaining("outside");
    }

    @Test
    void aMissingItemIsRefused() {
        Document document = NoticeFixture.taroNotice();
        Element line = (Element) document.getElementsByTagNameNS(SignedNoticeVerifier.NAMESPACE, "Meisai").item(0);
        line.removeChild(line.getElementsByTagNameNS(SignedNoticeVerifier.NAMESPACE, "Nissu").item(0));
        assertThatThrownBy(() -> MedicalExpenseNotice.of(document.getDocumentElement()))
                .isInstanceOf(MedicalExpenseNotice.NoticeContentException.class).hasMessageContaining("Nissu");
    }

    @Test
    void theYearsOfferedAreTheLastFiveLastYearFirst() {
        TaxYearChoice choice = TaxYearChoice.of(Clock.fixed(Instant.parse("2026-01-01T00:30:00+09:00"), ZoneId.of("Asia/Tokyo")));
        assertThat(choice.years()).containsExactly(2025, 2024, 2023, 2022, 2021);
        assertThat(choice.defaultYear()).isEqualTo(2025);
        assertThat(choice.offers(2026)).isFalse();
        assertThat(choice.offers(2020)).isFalse();
        assertThat(choice.offers(null)).isFalse();
    }

    @Test
    void eachRefusalOfTheApiIsItsOwnFailure() {
        assertThat(TaxNoticeApi.failureOf(401)).isEqualTo(Failure.API_UNAUTHORIZED);
        assertThat(TaxNoticeApi.failureOf(403)).isEqualTo(Failure.API_FORBIDDEN);
        assertThat(TaxNoticeApi.failureOf(404)).isEqualTo(Failure.API_NOT_FOUND);
        assertThat(TaxNoticeApi.failureOf(429)).isEqualTo(Failure.API_BUSY);
        assertThat(TaxNoticeApi.failureOf(503)).isEqualTo(Failure.PORTAL_UNAVAILABLE);
        assertThat(TaxNoticeApi.failureOf(302)).isEqualTo(Failure.PORTAL_UNAVAILABLE);
    }
}
