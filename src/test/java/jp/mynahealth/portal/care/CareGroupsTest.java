package jp.mynahealth.portal.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import jp.mynahealth.common.web.DisplayFormats;
import jp.mynahealth.records.CareAct;

/** How a page of care acts becomes visits and lines: grouping, merged days and counts, plain headings, ja and en. */
class CareGroupsTest {

    private static final String CLINIC = "1310000001";
    private static final String HOSPITAL = "1310000002";
    private static long ids;

    private static CareAct act(String day, String institution, String category, int careClass, String code, String name,
            int times) {
        String institutionName = institution.equals(CLINIC) ? "見本内科クリニック" : institution.equals(HOSPITAL) ? "見本総合病院" : null;
        String kind = institution.equals(CLINIC) ? "診療所" : institution.equals(HOSPITAL) ? "病院" : null;
        return new CareAct(++ids, LocalDate.parse(day), institution, institutionName, kind, category, careClass, code, name,
                times);
    }

    private static CareText text(Locale locale) {
        LocaleContextHolder.setLocale(locale);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new CareText(messages, locale, new DisplayFormats());
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** As the repository returns them: newest day first. */
    private static final List<CareAct> PAGE = List.of(
            act("2026-10-19", CLINIC, "外来", 60, "160010010", "ＨｂＡ１ｃ", 1),
            act("2026-10-19", CLINIC, "外来", 12, "112007410", "再診料", 1),
            act("2026-10-19", CLINIC, "外来", 12, "112011010", "外来管理加算", 1),
            act("2026-10-12", HOSPITAL, "入院", 90, "190077410", "急性期一般入院料１", 2),
            act("2026-10-12", HOSPITAL, "外来", 70, "170000410", "単純撮影（デジタル撮影）", 1),
            act("2026-10-05", CLINIC, "外来", 12, "112007410", "再診料", 1),
            act("2026-10-05", CLINIC, "外来", 12, "112011010", "外来管理加算", 1),
            act("2026-09-07", CLINIC, "外来", 11, "111000110", "初診料", 1),
            act("2026-09-07", "1399999999", "歯科", 40, "302000110", "歯周基本治療", 3));

    @Test
    void oneGroupPerMonthInstitutionAndCategoryTheLatestVisitFirst() {
        List<CareVisit> visits = CareGroups.of(PAGE, text(Locale.JAPANESE));
        assertThat(visits).extracting(CareVisit::month, CareVisit::institution, CareVisit::kind, CareVisit::category)
                .containsExactly(
                        tuple("令和8年10月", "見本内科クリニック", "診療所", "外来"),
                        tuple("令和8年10月", "見本総合病院", "病院", "入院"),
                        tuple("令和8年10月", "見本総合病院", "病院", "外来"),
                        tuple("令和8年9月", "見本内科クリニック", "診療所", "外来"),
                        tuple("令和8年9月", "医療機関（コード 1399999999）", null, "歯科"));
    }

    @Test
    void anActDoneOnSeveralDaysIsOneLineWithItsDaysInOrderAndTheTotalCount() {
        CareVisit clinic = CareGroups.of(PAGE, text(Locale.JAPANESE)).get(0);
        assertThat(clinic.lines()).containsExactly(
                new CareLine("再診料", "初診・再診", "10月5日、10月19日", "2回"),
                new CareLine("外来管理加算", "初診・再診", "10月5日、10月19日", "2回"),
                // Done first of all that month, yet after the consultation: the headings keep their order.
                new CareLine("ＨｂＡ１ｃ", "検査", "10月19日", "1回"));
        assertThat(CareGroups.of(PAGE, text(Locale.JAPANESE)).get(1).lines())
                .containsExactly(new CareLine("急性期一般入院料１", "入院", "10月12日", "2回"));
        assertThat(CareGroups.of(PAGE, text(Locale.JAPANESE)).get(4).lines())
                .containsExactly(new CareLine("歯周基本治療", "処置", "9月7日", "3回"));
    }

    @Test
    void actsFirstDoneOnTheSameDayKeepTheClaimsOrder() {
        List<CareAct> tests = List.of(
                act("2026-07-06", CLINIC, "外来", 60, "160095710", "Ｂ−Ｖ", 1),
                act("2026-07-06", CLINIC, "外来", 60, "160008010", "末梢血液一般検査", 1),
                act("2026-07-06", CLINIC, "外来", 60, "160010010", "ＨｂＡ１ｃ", 1),
                act("2026-07-06", CLINIC, "外来", 60, "160062810", "生化学的検査（１）判断料", 1));
        assertThat(CareGroups.of(tests, text(Locale.JAPANESE)).get(0).lines()).extracting(CareLine::name)
                .containsExactly("Ｂ−Ｖ", "末梢血液一般検査", "ＨｂＡ１ｃ", "生化学的検査（１）判断料");
    }

    @Test
    void inEnglishTheDaysCountsAndHeadingsAreEnglishAndTheNamesStayAsTheMasterHasThem() {
        List<CareVisit> visits = CareGroups.of(PAGE, text(Locale.ENGLISH));
        assertThat(visits.get(0).month()).isEqualTo("October 2026");
        assertThat(visits.get(0).category()).isEqualTo("Outpatient");
        assertThat(visits.get(0).kind()).isEqualTo("Clinic");
        assertThat(visits.get(0).lines()).first().isEqualTo(new CareLine("再診料", "Consultation", "5 Oct, 19 Oct", "2 times"));
        assertThat(visits.get(0).lines()).last().isEqualTo(new CareLine("ＨｂＡ１ｃ", "Tests", "19 Oct", "once"));
        assertThat(visits.get(4).institution()).isEqualTo("Clinic or hospital (code 1399999999)");
    }

    @Test
    void everyClaimsCodeHasAPlainHeading() {
        assertThat(CareClass.of(11)).isEqualTo(CareClass.VISIT);
        assertThat(CareClass.of(12)).isEqualTo(CareClass.VISIT);
        assertThat(CareClass.of(13)).isEqualTo(CareClass.MANAGEMENT);
        assertThat(CareClass.of(14)).isEqualTo(CareClass.HOME);
        assertThat(List.of(21, 22, 23, 24, 25, 26, 27, 28)).allSatisfy(c -> assertThat(CareClass.of(c)).isEqualTo(CareClass.MEDICATION));
        assertThat(List.of(31, 32, 33)).allSatisfy(c -> assertThat(CareClass.of(c)).isEqualTo(CareClass.INJECTION));
        assertThat(CareClass.of(40)).isEqualTo(CareClass.TREATMENT);
        assertThat(CareClass.of(50)).isEqualTo(CareClass.SURGERY);
        assertThat(CareClass.of(54)).isEqualTo(CareClass.ANESTHESIA);
        assertThat(CareClass.of(60)).isEqualTo(CareClass.TEST);
        assertThat(CareClass.of(70)).isEqualTo(CareClass.IMAGING);
        assertThat(CareClass.of(80)).isEqualTo(CareClass.OTHER);
        assertThat(List.of(90, 92, 97)).allSatisfy(c -> assertThat(CareClass.of(c)).isEqualTo(CareClass.INPATIENT));
        assertThat(List.of(1, 29, 34, 98, 99)).allSatisfy(c -> assertThat(CareClass.of(c)).isEqualTo(CareClass.OTHER));
        CareText japanese = text(Locale.JAPANESE);
        CareText english = text(Locale.ENGLISH);
        for (CareClass careClass : CareClass.values()) {
            assertThat(japanese.careClass(careClass)).as(careClass.name()).isNotBlank().isNotEqualTo(english.careClass(careClass));
        }
        assertThat(japanese.careClass(CareClass.VISIT)).isEqualTo("初診・再診");
        assertThat(japanese.careClass(CareClass.IMAGING)).isEqualTo("画像診断");
    }

    @Test
    void anEmptyPageHasNoVisits() {
        assertThat(CareGroups.of(List.of(), text(Locale.JAPANESE))).isEmpty();
    }
}
