package jp.mynahealth.importer.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.mynahealth.importer.demo.DemoRows.CareActRow;

/**
 * What the demo's doctors and dentists do at a visit, as the SI records of their claims say it,
 * and the 診療行為マスター lines that name it. Derived from the visits alone, without the generator's
 * random stream, so that adding care changed no one's drugs, costs or checkups.
 *
 * <p>The codes follow the master's numbering (1 医科, 3 歯科; then the section), the names its
 * 省略漢字名称; the set is the demo's own small subset, not a copy of a current master.
 */
final class DemoProcedures {

    record Procedure(String code, String name, int careClass, int points) {
    }

    static final Procedure FIRST_VISIT = new Procedure("111000110", "初診料", 11, 291);
    static final Procedure REVISIT = new Procedure("112007410", "再診料", 12, 75);
    static final Procedure OUTPATIENT_CARE = new Procedure("112011310", "外来管理加算", 12, 52);
    static final Procedure LIFESTYLE_CARE = new Procedure("113037010", "生活習慣病管理料（２）", 13, 333);
    static final Procedure BLOOD_DRAW = new Procedure("160095710", "Ｂ−Ｖ", 60, 40);
    static final Procedure BLOOD_COUNT = new Procedure("160008010", "末梢血液一般検査", 60, 21);
    static final Procedure HBA1C = new Procedure("160010010", "ＨｂＡ１ｃ", 60, 49);
    static final Procedure BIOCHEMISTRY = new Procedure("160062810", "生化学的検査（１）判断料", 60, 144);
    static final Procedure CHEST_XRAY = new Procedure("170000410", "単純撮影（胸部）（デジタル撮影）", 70, 210);
    static final Procedure WARD_FEE = new Procedure("190077410", "急性期一般入院料１", 90, 1688);
    static final Procedure DRIP = new Procedure("130003510", "点滴注射", 33, 102);
    static final Procedure CT = new Procedure("170012010", "ＣＴ撮影（６４列以上マルチスライス型）", 70, 1000);
    static final Procedure DENTAL_FIRST_VISIT = new Procedure("301000110", "歯科初診料", 11, 267);
    static final Procedure DENTAL_REVISIT = new Procedure("301001610", "歯科再診料", 12, 58);
    static final Procedure PERIODONTAL_CHECK = new Procedure("304000410", "歯周基本検査（１歯以上１０歯未満）", 60, 50);
    static final Procedure SCALING = new Procedure("309002110", "スケーリング", 40, 72);

    static final List<Procedure> ALL = List.of(FIRST_VISIT, REVISIT, OUTPATIENT_CARE, LIFESTYLE_CARE, BLOOD_DRAW,
            BLOOD_COUNT, HBA1C, BIOCHEMISTRY, CHEST_XRAY, WARD_FEE, DRIP, CT, DENTAL_FIRST_VISIT, DENTAL_REVISIT,
            PERIODONTAL_CHECK, SCALING);

    private DemoProcedures() {
    }

    /**
     * The acts of each visit: a first or repeat consultation; for a clinic's first visit of a
     * quarter's first month blood tests, and each June a chest X-ray; for a stay the ward fee each
     * day, tests and a CT on the first and a drip the first three; at the dentist a consultation, a
     * periodontal check on the first visit of a course and scaling after. 訪問看護 claims carry none.
     */
    static List<CareActRow> acts(UUID person, List<Visit> visits) {
        List<Visit> ordered = visits.stream().filter(v -> !v.category().equals("調剤") && !v.category().equals("訪問看護"))
                .sorted(Comparator.comparing(Visit::date)).toList();
        Set<String> seen = new HashSet<>();
        Set<String> testedMonths = new HashSet<>();
        List<CareActRow> acts = new ArrayList<>();
        LocalDate stayStart = null;
        LocalDate lastStayDay = null;
        for (Visit v : ordered) {
            String institution = v.institution().code();
            boolean first = seen.add(institution);
            switch (v.category()) {
                case "外来" -> {
                    add(acts, person, v, first ? FIRST_VISIT : REVISIT);
                    if (!first) {
                        add(acts, person, v, OUTPATIENT_CARE);
                    }
                    String month = institution + v.date().withDayOfMonth(1);
                    if (v.date().getMonthValue() % 3 == 1 && testedMonths.add(month)) {
                        add(acts, person, v, BLOOD_DRAW);
                        add(acts, person, v, BLOOD_COUNT);
                        add(acts, person, v, HBA1C);
                        add(acts, person, v, BIOCHEMISTRY);
                    }
                    if (v.date().getMonthValue() == 6 && testedMonths.add("x" + month)) {
                        add(acts, person, v, CHEST_XRAY);
                    }
                }
                case "入院" -> {
                    if (lastStayDay == null || !lastStayDay.plusDays(1).equals(v.date())) {
                        stayStart = v.date();
                    }
                    lastStayDay = v.date();
                    add(acts, person, v, WARD_FEE);
                    long day = v.date().toEpochDay() - stayStart.toEpochDay();
                    if (day == 0) {
                        add(acts, person, v, BLOOD_DRAW);
                        add(acts, person, v, BLOOD_COUNT);
                        add(acts, person, v, BIOCHEMISTRY);
                        add(acts, person, v, CT);
                    }
                    if (day < 3) {
                        add(acts, person, v, DRIP);
                    }
                }
                case "歯科" -> {
                    add(acts, person, v, first ? DENTAL_FIRST_VISIT : DENTAL_REVISIT);
                    add(acts, person, v, first ? PERIODONTAL_CHECK : SCALING);
                }
                default -> {
                }
            }
        }
        return acts;
    }

    private static void add(List<CareActRow> acts, UUID person, Visit v, Procedure p) {
        acts.add(new CareActRow(person, v.date(), v.institution().code(), v.category(), p.careClass(), p.code(), 1));
    }
}
