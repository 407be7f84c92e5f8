package jp.mynahealth.portal.insurance;

import java.time.LocalDate;

import jp.mynahealth.records.Qualification;

/** A qualification as the page shows it: numbers masked unless the citizen chose to see them. */
public record QualificationView(Qualification qualification, String symbol, String number, String branch) {

    static QualificationView of(Qualification q, boolean reveal) {
        if (reveal) {
            return new QualificationView(q, q.symbol(), q.number(), q.branch());
        }
        return new QualificationView(q, InsuranceNumbers.maskAll(q.symbol()), InsuranceNumbers.maskAllButLastTwo(q.number()),
                InsuranceNumbers.maskAll(q.branch()));
    }

    /** 限度額適用区分 in the names citizens know (ア〜オ, 現役並みⅢ … 一般Ⅰ), from the online qualification codes. */
    public String limitCategoryName() {
        String code = qualification.limitCategory();
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "A01" -> "ア";
            case "A02" -> "イ";
            case "A03" -> "ウ";
            case "A04" -> "エ";
            case "A05" -> "オ";
            case "A06" -> "オ（境）";
            default -> code;
        };
    }

    boolean current(LocalDate today) {
        return qualification.validOn(today);
    }
}
