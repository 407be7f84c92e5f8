package jp.mynahealth.portal.vaccinations;

import static jp.mynahealth.portal.vaccinations.AgeMark.daysAfterBirth;
import static jp.mynahealth.portal.vaccinations.AgeMark.months;
import static jp.mynahealth.portal.vaccinations.AgeMark.schoolYearEnd;
import static jp.mynahealth.portal.vaccinations.AgeMark.schoolYearStart;
import static jp.mynahealth.portal.vaccinations.AgeMark.years;

import java.util.List;

/**
 * The national routine schedule for children (A類疾病 under the 予防接種法), as data.
 *
 * <p>Source: 国立感染症研究所 (NIID), 「日本の予防接種スケジュール」, 定期予防接種スケジュール
 * 〔2024年4月1日〜〕 (JP20240401), which draws the ages of the 予防接種法施行令 (the window, 定期接種
 * として受けられる期間) and the standard periods of MHLW's 定期接種実施要領 (標準的な接種期間). Where
 * the 実施要領 gives the standard as an interval after an earlier dose rather than an age, the ages
 * here are that interval counted from the earlier dose at the start of its own standard period:
 * <ul>
 * <li>五種混合 (and so the DPT-IPV and Hib series) 1期追加: 6 to 18 months after the third primary dose,
 * given at 4 months on the chart: 10 to 22 months;</li>
 * <li>水痘 2nd dose: 6 to 12 months after the first at 12 months: 18 to 24 months;</li>
 * <li>日本脳炎 1期初回 2nd dose: 6 to 28 days after the first, inside the same standard year (3 years).</li>
 * </ul>
 * Deliberately left out: catch-up rules that change the number of doses for a late start (Hib and
 * the pneumococcal vaccine need fewer doses when started after 7 months), the 日本脳炎 特例 for
 * children born 2007–2009, the HPV catch-up for women born 1997–2008 (ended March 2026), and the
 * B類 vaccines of older people, which are their own choice and have no schedule to fall behind.
 * Rotavirus dose 1 stops at 14 weeks 6 days: MHLW advises against a first dose from 15 weeks for
 * safety, so the page never presses for one after that.
 */
final class RoutineSchedule {

    private RoutineSchedule() {
    }

    static final List<ScheduleEntry> CHILDREN = List.of(
            // B型肝炎: from birth until 1歳; standard 生後2月–9月 (the third dose 139 days after the first).
            dose(Series.HBV, 1, months(0), months(12), months(2), months(9)),
            dose(Series.HBV, 2, months(0), months(12), months(3), months(9)),
            dose(Series.HBV, 3, months(0), months(12), months(7), months(9)),
            // ロタウイルス: 出生6週0日後 until 24週0日後 (1価) or 32週0日後 (5価); the first dose by 14週6日後.
            dose(Series.ROTA_1, 1, daysAfterBirth(42), daysAfterBirth(104), months(2), daysAfterBirth(104)),
            dose(Series.ROTA_1, 2, daysAfterBirth(42), daysAfterBirth(168), months(3), daysAfterBirth(168)),
            dose(Series.ROTA_5, 1, daysAfterBirth(42), daysAfterBirth(104), months(2), daysAfterBirth(104)),
            dose(Series.ROTA_5, 2, daysAfterBirth(42), daysAfterBirth(224), months(3), daysAfterBirth(224)),
            dose(Series.ROTA_5, 3, daysAfterBirth(42), daysAfterBirth(224), months(4), daysAfterBirth(224)),
            // Hib: 生後2月 until 60月; the primary doses after the first only until 12月; start by 7月.
            dose(Series.HIB, 1, months(2), months(60), months(2), months(7)),
            dose(Series.HIB, 2, months(2), months(12), months(3), months(12)),
            dose(Series.HIB, 3, months(2), months(12), months(4), months(12)),
            dose(Series.HIB, 4, months(2), months(60), months(10), months(22)),
            // 小児の肺炎球菌: 生後2月 until 60月; primary doses by 24月; the booster at 12–15月.
            dose(Series.PCV, 1, months(2), months(60), months(2), months(7)),
            dose(Series.PCV, 2, months(2), months(24), months(3), months(12)),
            dose(Series.PCV, 3, months(2), months(24), months(4), months(12)),
            dose(Series.PCV, 4, months(2), months(60), months(12), months(15)),
            // ジフテリア・百日せき・破傷風・ポリオ 1期 (五種混合/四種混合): 生後2月 until 90月.
            dose(Series.DPT_IPV, 1, months(2), months(90), months(2), months(7)),
            dose(Series.DPT_IPV, 2, months(2), months(90), months(3), months(12)),
            dose(Series.DPT_IPV, 3, months(2), months(90), months(4), months(12)),
            dose(Series.DPT_IPV, 4, months(2), months(90), months(10), months(22)),
            // BCG: until 1歳; standard 生後5月–8月.
            dose(Series.BCG, 1, months(0), months(12), months(5), months(8)),
            // MR: 1期 生後12月–24月; 2期 the school year before primary school (the year the child attains 6).
            dose(Series.MR, 1, months(12), months(24), months(12), months(24)),
            dose(Series.MR, 2, schoolYearStart(6), schoolYearEnd(6), schoolYearStart(6), schoolYearEnd(6)),
            // 水痘: 生後12月 until 36月; the first at 12–15月, the second 6–12 months later.
            dose(Series.VARICELLA, 1, months(12), months(36), months(12), months(15)),
            dose(Series.VARICELLA, 2, months(12), months(36), months(18), months(24)),
            // 日本脳炎: 1期 生後6月 until 90月 (standard 初回 at 3歳, 追加 at 4歳); 2期 9歳 until 13歳 (standard 9歳).
            dose(Series.JE, 1, months(6), months(90), years(3), years(4)),
            dose(Series.JE, 2, months(6), months(90), years(3), years(4)),
            dose(Series.JE, 3, months(6), months(90), years(4), years(5)),
            dose(Series.JE, 4, years(9), years(13), years(9), years(10)),
            // 二種混合 2期: 11歳 until 13歳; standard 11歳.
            dose(Series.DT, 1, years(11), years(13), years(11), years(12)),
            // HPV (girls): the school year she attains 12 (小学6年) to the one she attains 16 (高校1年);
            // standard the year she attains 13 (中学1年).
            dose(Series.HPV, 1, schoolYearStart(12), schoolYearEnd(16), schoolYearStart(13), schoolYearEnd(13)),
            dose(Series.HPV, 2, schoolYearStart(12), schoolYearEnd(16), schoolYearStart(13), schoolYearEnd(13)),
            dose(Series.HPV, 3, schoolYearStart(12), schoolYearEnd(16), schoolYearStart(13), schoolYearEnd(13)));

    private static ScheduleEntry dose(Series series, int dose, AgeMark windowFrom, AgeMark windowUntil,
            AgeMark recommendedFrom, AgeMark recommendedUntil) {
        return new ScheduleEntry(series, dose, windowFrom, windowUntil, recommendedFrom, recommendedUntil);
    }
}
