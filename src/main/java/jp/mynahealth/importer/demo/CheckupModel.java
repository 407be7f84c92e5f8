package jp.mynahealth.importer.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.mynahealth.importer.demo.DemoRows.CheckupResultRow;

/**
 * Turns a person's measured values into checkup result rows with JLAC10 codes, reference ranges
 * (the 保健指導判定値 of the specific health checkup) and flags, and judges メタボ and the
 * 保健指導レベル the way the MHLW rules do.
 */
final class CheckupModel {

    static final String HEIGHT = "9N001000000000001";
    static final String WEIGHT = "9N006000000000001";
    static final String BMI = "9N011000000000001";
    static final String WAIST = "9N016160100000001";
    static final String SYSTOLIC = "9A751000000000001";
    static final String DIASTOLIC = "9A761000000000001";
    static final String TRIGLYCERIDES = "3F015000002327101";
    static final String HDL = "3F070000002327101";
    static final String LDL = "3F077000002327101";
    static final String AST = "3B035000002327201";
    static final String ALT = "3B045000002327201";
    static final String GGT = "3B090000002327101";
    static final String FASTING_GLUCOSE = "3D010000002227101";
    static final String HBA1C = "3D046000001906202";
    static final String URINE_GLUCOSE = "1A020000000190111";
    static final String URINE_PROTEIN = "1A010000000190111";
    static final String CREATININE = "3C015000002327101";
    static final String EGFR = "8A065000002391901";
    static final String MEDICATION_BLOOD_PRESSURE = "9N701000000000011";
    static final String MEDICATION_GLUCOSE = "9N706000000000011";
    static final String MEDICATION_LIPIDS = "9N711000000000011";
    static final String SMOKING = "9N736000000000011";

    /** One year's measurements of one person. */
    record Measurements(boolean male, int age, double height, double weight, double waist, double systolic,
            double diastolic, double triglycerides, double hdl, double ldl, double ast, double alt, double ggt,
            double fastingGlucose, double hba1c, double creatinine, int urineGlucose, int urineProtein,
            boolean bloodPressureMedication, boolean glucoseMedication, boolean lipidMedication, boolean smoker) {

        double bmi() {
            return weight / Math.pow(height / 100, 2);
        }

        /** Japanese eGFR equation (JSN): 194 × Cr^-1.094 × age^-0.287, × 0.739 for women. */
        double egfr() {
            double value = 194 * Math.pow(creatinine, -1.094) * Math.pow(age, -0.287);
            return male ? value : value * 0.739;
        }
    }

    record Judgement(Integer metabolic, Integer guidanceLevel) {
    }

    private CheckupModel() {
    }

    static List<CheckupResultRow> results(UUID personId, UUID checkupId, Measurements m, boolean latterStage) {
        List<CheckupResultRow> rows = new ArrayList<>();
        rows.add(numeric(personId, checkupId, HEIGHT, "身長", m.height(), 1, "cm", null, null));
        rows.add(numeric(personId, checkupId, WEIGHT, "体重", m.weight(), 1, "kg", null, null));
        rows.add(numeric(personId, checkupId, BMI, "BMI", m.bmi(), 1, "kg/m2", 18.5, 24.9));
        if (!latterStage) {
            rows.add(numeric(personId, checkupId, WAIST, "腹囲(実測)", m.waist(), 1, "cm", null, m.male() ? 84.9 : 89.9));
        }
        rows.add(numeric(personId, checkupId, SYSTOLIC, "収縮期血圧(1回目)", m.systolic(), 0, "mmHg", null, 129.0));
        rows.add(numeric(personId, checkupId, DIASTOLIC, "拡張期血圧(1回目)", m.diastolic(), 0, "mmHg", null, 84.0));
        rows.add(numeric(personId, checkupId, TRIGLYCERIDES, "中性脂肪(トリグリセリド)", m.triglycerides(), 0, "mg/dL", 30.0, 149.0));
        rows.add(numeric(personId, checkupId, HDL, "HDLコレステロール", m.hdl(), 0, "mg/dL", 40.0, null));
        rows.add(numeric(personId, checkupId, LDL, "LDLコレステロール", m.ldl(), 0, "mg/dL", 60.0, 119.0));
        rows.add(numeric(personId, checkupId, AST, "AST(GOT)", m.ast(), 0, "U/L", null, 30.0));
        rows.add(numeric(personId, checkupId, ALT, "ALT(GPT)", m.alt(), 0, "U/L", null, 30.0));
        rows.add(numeric(personId, checkupId, GGT, "γ-GT(γ-GTP)", m.ggt(), 0, "U/L", null, 50.0));
        rows.add(numeric(personId, checkupId, FASTING_GLUCOSE, "空腹時血糖", m.fastingGlucose(), 0, "mg/dL", 70.0, 99.0));
        rows.add(numeric(personId, checkupId, HBA1C, "HbA1c(NGSP値)", m.hba1c(), 1, "%", 4.6, 5.5));
        rows.add(dipstick(personId, checkupId, URINE_GLUCOSE, "尿糖", m.urineGlucose()));
        rows.add(dipstick(personId, checkupId, URINE_PROTEIN, "尿蛋白", m.urineProtein()));
        rows.add(numeric(personId, checkupId, CREATININE, "血清クレアチニン", m.creatinine(), 2, "mg/dL",
                m.male() ? 0.65 : 0.46, m.male() ? 1.07 : 0.79));
        rows.add(numeric(personId, checkupId, EGFR, "eGFR", m.egfr(), 1, "mL/min/1.73m2", 60.0, null));
        rows.add(answer(personId, checkupId, MEDICATION_BLOOD_PRESSURE, "服薬1(血圧)", m.bloodPressureMedication()));
        rows.add(answer(personId, checkupId, MEDICATION_GLUCOSE, "服薬2(血糖)", m.glucoseMedication()));
        rows.add(answer(personId, checkupId, MEDICATION_LIPIDS, "服薬3(脂質)", m.lipidMedication()));
        rows.add(answer(personId, checkupId, SMOKING, "喫煙", m.smoker()));
        return rows;
    }

    /**
     * メタボリックシンドローム判定 and 保健指導レベル after the MHLW standard programme: the waist (or
     * BMI) criterion plus the count of blood pressure, lipid and glucose risks; people already on
     * medication are not offered guidance; 65–74 year olds get 動機付け支援 at most.
     */
    static Judgement judge(Measurements m) {
        boolean waistHigh = m.waist() >= (m.male() ? 85 : 90);
        boolean bmiHigh = m.bmi() >= 25;
        int metabolicRisks = count(m.triglycerides() >= 150 || m.hdl() < 40 || m.lipidMedication(),
                m.systolic() >= 130 || m.diastolic() >= 85 || m.bloodPressureMedication(),
                m.fastingGlucose() >= 110 || m.glucoseMedication());
        int metabolic = waistHigh ? (metabolicRisks >= 2 ? 1 : metabolicRisks == 1 ? 2 : 3) : 3;

        int guidanceRisks = count(m.fastingGlucose() >= 100 || m.hba1c() >= 5.6,
                m.triglycerides() >= 150 || m.hdl() < 40,
                m.systolic() >= 130 || m.diastolic() >= 85);
        if (guidanceRisks >= 1 && m.smoker()) {
            guidanceRisks++;
        }
        int level;
        if (m.bloodPressureMedication() || m.glucoseMedication() || m.lipidMedication()) {
            level = 3;
        } else if (waistHigh) {
            level = guidanceRisks >= 2 ? 1 : guidanceRisks == 1 ? 2 : 3;
        } else if (bmiHigh) {
            level = guidanceRisks >= 3 ? 1 : guidanceRisks >= 1 ? 2 : 3;
        } else {
            level = 3;
        }
        if (level == 1 && m.age() >= 65) {
            level = 2;
        }
        return new Judgement(metabolic, level);
    }

    private static int count(boolean... risks) {
        int count = 0;
        for (boolean risk : risks) {
            if (risk) {
                count++;
            }
        }
        return count;
    }

    private static CheckupResultRow numeric(UUID personId, UUID checkupId, String code, String name, double value,
            int scale, String unit, Double low, Double high) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
        String flag = null;
        if (high != null && rounded.doubleValue() > high) {
            flag = "H";
        } else if (low != null && rounded.doubleValue() < low) {
            flag = "L";
        }
        return new CheckupResultRow(personId, checkupId, code, name, rounded, null, unit, decimal(low), decimal(high), flag);
    }

    private static CheckupResultRow dipstick(UUID personId, UUID checkupId, String code, String name, int grade) {
        String[] grades = { "−", "±", "+", "2+", "3+" };
        return new CheckupResultRow(personId, checkupId, code, name, null, grades[grade], null, null, null,
                grade >= 2 ? "H" : null);
    }

    private static CheckupResultRow answer(UUID personId, UUID checkupId, String code, String name, boolean yes) {
        return new CheckupResultRow(personId, checkupId, code, name, null, yes ? "はい" : "いいえ", null, null, null, null);
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
