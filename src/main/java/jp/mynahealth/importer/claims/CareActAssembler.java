package jp.mynahealth.importer.claims;

import java.time.YearMonth;

import jp.mynahealth.importer.claims.ClaimLayout.CareAct;

/**
 * Reads the SI (診療行為) records of a 医科 or 歯科 receipt into one {@link ClaimCareAct} per day
 * counted. The 診療識別 is carried from record to record (SI, IY, TO, CO) within the receipt, as the
 * specification lets a sender leave it out when it repeats; the first record must give it.
 */
final class CareActAssembler {

    private final Problems problems;
    private final int[] counts = new int[31];
    private int careClass;

    CareActAssembler(Problems problems) {
        this.problems = problems;
    }

    /** A new receipt: nothing is carried over from the one before. */
    void reset() {
        careClass = 0;
    }

    /** An IY, TO or CO record of the 摘要: its 診療識別, when given, carries on to the next records. */
    void carryClass(RecordFields f) {
        if (f.present(ClaimLayout.CARE_CLASS)) {
            int value = (int) f.number(ClaimLayout.CARE_CLASS);
            if (value > 0) {
                careClass = value;
            }
        }
    }

    /**
     * An SI record: checked whole, and its days given to {@code out} only when all of it is right.
     *
     * @param month the receipt's 診療年月, or null when the RE record had none (already reported)
     * @param out   receives the acts, or null when nothing more goes to the sink (a problem was found before)
     */
    void read(RecordFields f, int receiptNumber, YearMonth month, ClaimSink out) {
        if (!f.hasFields(CareAct.FIELDS, "診療行為レコード")) {
            return;
        }
        int before = problems.count();
        if (f.present(CareAct.CLASS)) {
            int value = (int) f.number(CareAct.CLASS);
            if (value == 0) {
                problems.add(f.line(), CareAct.CLASS, "診療識別コードではありません", "is not a 診療識別 code");
            } else if (value > 0) {
                careClass = value;
            }
        } else if (careClass == 0) {
            problems.add(f.line(), CareAct.CLASS, "レセプトの最初の摘要レコードに記録されていません",
                    "is missing on the first record of the receipt's 摘要");
        }
        f.text(CareAct.BURDEN);
        String code = f.code(CareAct.PROCEDURE, 9);
        f.amount(CareAct.QUANTITY);
        f.amount(CareAct.POINTS);
        long times = f.number(CareAct.TIMES);
        if (times == 0) {
            problems.add(f.line(), CareAct.TIMES, "0は記録できません", "must not be 0");
        }
        int sum = 0;
        for (int day = 1; day <= 31; day++) {
            Field field = CareAct.DAYS[day - 1];
            int count = (int) f.amount(field);
            counts[day - 1] = Math.max(count, 0);
            if (count > 0 && month != null && day > month.lengthOfMonth()) {
                problems.add(f.line(), field, "診療年月にない日です", "is not a day of the service month");
            }
            sum += Math.max(count, 0);
        }
        // Without a day the page could not say when; the 記録要領 asks for the days on every SI record.
        if (sum == 0) {
            problems.add(f.line(), "算定日情報", "どの日にも回数が記録されていません",
                    "no day of the month counts the procedure");
        } else if (times > 0 && sum != times) {
            problems.add(f.line(), CareAct.TIMES, "算定日情報の合計（" + sum + "）と一致しません",
                    "does not match the sum of the days' counts (" + sum + ")");
        }
        if (problems.count() != before || month == null || code == null || out == null) {
            return;
        }
        for (int day = 1; day <= 31; day++) {
            if (counts[day - 1] > 0) {
                out.careAct(new ClaimCareAct(f.line(), receiptNumber, careClass, code, month.atDay(day), counts[day - 1]));
            }
        }
    }
}
