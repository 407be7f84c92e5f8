package jp.mynahealth.importer.claims;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;

import jp.mynahealth.importer.claims.ClaimLayout.Dispensing;

/**
 * Turns the 調剤 records of one receipt into drugs: an SH (処方基本) gives the 剤形 and the usage, a
 * CZ (調剤情報) that follows it the day and the 調剤数量, and each IY (医薬品) after the CZ one drug.
 * For 内服 and 頓服 the IY's 使用量 is per day or per dose, so the quantity dispensed is 使用量 ×
 * 調剤数量; for the other 剤形 it is the 使用量 itself.
 */
final class DispensingAssembler {

    private final Problems problems;
    private String category;
    private boolean perUnit;
    private String usage;
    private LocalDate dispensedOn;
    private int days;
    private boolean prescription;
    private boolean dispensing;

    DispensingAssembler(Problems problems) {
        this.problems = problems;
    }

    void reset() {
        prescription = false;
        dispensing = false;
    }

    void prescription(RecordFields f) {
        prescription = false;
        dispensing = false;
        if (!f.hasFields(Dispensing.SH_FIELDS, "処方基本レコード")) {
            return;
        }
        f.number(Dispensing.RP);
        long form = f.number(Dispensing.FORM);
        String code = f.text(Dispensing.USAGE_CODE);
        usage = f.text(Dispensing.USAGE_TEXT);
        category = switch ((int) form) {
            case 1, 2, 6, 7 -> "内服";
            case 3 -> "頓服";
            case 4 -> "注射";
            case 5, 9 -> "外用";
            default -> null;
        };
        perUnit = form == 1 || form == 2 || form == 3 || form == 6 || form == 7;
        if (form >= 0 && category == null) {
            problems.add(f.line(), Dispensing.FORM, "剤形コードではありません", "is not a 剤形コード");
        }
        prescription = category != null && code != null;
    }

    void dispensing(RecordFields f, YearMonth month) {
        dispensing = false;
        if (!prescription) {
            problems.add(f.line(), "レコード識別情報", "調剤情報レコードの前に処方基本レコードがありません",
                    "a CZ record must follow an SH record");
            return;
        }
        if (!f.hasFields(Dispensing.CZ_FIELDS, "調剤情報レコード")) {
            return;
        }
        monthDay(f, Dispensing.PRESCRIBED);
        MonthDay day = monthDay(f, Dispensing.DISPENSED);
        long quantity = f.number(Dispensing.QUANTITY);
        if (quantity == 0) {
            problems.add(f.line(), Dispensing.QUANTITY, "0は記録できません", "must not be 0");
        }
        if (day == null || quantity <= 0 || month == null) {
            return;
        }
        if (day.getMonthValue() != month.getMonthValue() || !day.isValidYear(month.getYear())) {
            problems.add(f.line(), Dispensing.DISPENSED, "調剤年月の日ではありません", "is not a day of the 調剤年月");
            return;
        }
        dispensedOn = day.atYear(month.getYear());
        days = (int) quantity;
        dispensing = true;
    }

    /** The drug of an IY record, or null when it is wrong or not placed after a CZ record. */
    ClaimDrug drug(RecordFields f, int receiptNumber, String prescriber) {
        if (!dispensing) {
            problems.add(f.line(), "レコード識別情報", "医薬品レコードの前に処方基本・調剤情報レコードがありません",
                    "an IY record must follow SH and CZ records");
            return null;
        }
        if (!f.hasFields(Dispensing.IY_FIELDS, "医薬品レコード")) {
            return null;
        }
        String code = f.code(Dispensing.DRUG, 9);
        BigDecimal amount = f.decimal(Dispensing.AMOUNT, 5, 5);
        if (code == null || amount == null) {
            return null;
        }
        BigDecimal quantity = perUnit ? amount.multiply(BigDecimal.valueOf(days)) : amount;
        return new ClaimDrug(f.line(), receiptNumber, dispensedOn, prescriber, code, normalized(quantity), days, usage,
                category);
    }

    /** Without trailing zeros but never in exponent form: 30.000 becomes 30, not 3E+1. */
    static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private MonthDay monthDay(RecordFields f, Field field) {
        String text = f.code(field, 4);
        if (text == null) {
            return null;
        }
        try {
            return MonthDay.of(Integer.parseInt(text, 0, 2, 10), Integer.parseInt(text, 2, 4, 10));
        } catch (DateTimeException e) {
            problems.add(f.line(), field, "月日（MMDD）として正しくありません", "is not a valid month and day (MMDD)");
            return null;
        }
    }
}
