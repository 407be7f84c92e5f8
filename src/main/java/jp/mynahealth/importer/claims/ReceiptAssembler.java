package jp.mynahealth.importer.claims;

import java.time.LocalDate;
import java.time.YearMonth;

import jp.mynahealth.importer.claims.ClaimLayout.Insurer;
import jp.mynahealth.importer.claims.ClaimLayout.PublicExpense;
import jp.mynahealth.importer.claims.ClaimLayout.Receipt;

/**
 * Builds one {@link ClaimReceipt} from its RE record and the HO and KO records that follow it, and
 * checks them against the レセプト種別: its first digit names the form (1 医科, 3 歯科, 4 調剤, and 6
 * 訪問看護, which we accept in a 医科 file), its second whether an insurer pays (1 医保, 2 公費 only),
 * its third how many payers there are, and for 医科 its fourth 入院 (odd) or 外来 (even).
 */
final class ReceiptAssembler {

    private final ClaimForm form;
    private final YearMonth claimMonth;
    private final Problems problems;

    private boolean valid;
    private long line;
    private int number;
    private String kind;
    private String category;
    private YearMonth month;
    private String name;
    private LocalDate birthDate;
    private int sex;
    private boolean cancelled;
    private String prescriber;
    private int insurers;
    private int publics;
    private String insurerNumber;
    private String symbol;
    private String cardNumber;
    private String branch;
    private int days;
    private long points;
    private long patientShare;
    private long publicShare;

    ReceiptAssembler(ClaimForm form, YearMonth claimMonth, Problems problems) {
        this.form = form;
        this.claimMonth = claimMonth;
        this.problems = problems;
    }

    /** Starts a receipt at its RE record. */
    void start(RecordFields f) {
        int before = problems.count();
        line = f.line();
        number = 0;
        kind = null;
        month = null;
        insurers = 0;
        publics = 0;
        insurerNumber = null;
        symbol = null;
        cardNumber = null;
        branch = null;
        days = 0;
        points = 0;
        patientShare = 0;
        publicShare = 0;
        prescriber = null;
        boolean pharmacy = form == ClaimForm.PHARMACY;
        if (!f.hasFields(pharmacy ? Receipt.PHARMACY_FIELDS : Receipt.MEDICAL_FIELDS, "レセプト共通レコード")) {
            valid = false;
            return;
        }
        number = (int) f.number(Receipt.NUMBER);
        kind = f.code(Receipt.KIND, 4);
        category = kind == null ? null : category(f, kind);
        month = f.month(pharmacy ? Receipt.PHARMACY_MONTH : Receipt.MONTH);
        if (month != null && month.isAfter(claimMonth)) {
            problems.add(line, pharmacy ? Receipt.PHARMACY_MONTH : Receipt.MONTH, "請求年月より後の年月です",
                    "is after the claim month of the file");
        }
        name = f.text(Receipt.NAME);
        sex = (int) f.number(Receipt.SEX);
        if (sex == 0 || sex > 2) {
            problems.add(line, Receipt.SEX, "男女区分コードは1（男）又は2（女）です", "must be 1 (male) or 2 (female)");
        }
        birthDate = f.date(Receipt.BIRTH);
        if (birthDate != null && month != null && birthDate.isAfter(month.atEndOfMonth())) {
            problems.add(line, Receipt.BIRTH, "診療年月より後の生年月日です", "is after the service month");
        }
        if (form == ClaimForm.MEDICAL && f.present(Receipt.MEDICAL_ADMITTED)) {
            f.date(Receipt.MEDICAL_ADMITTED);
        }
        cancelled = Receipt.CANCELLATION.equals(f.text(pharmacy ? Receipt.PHARMACY_CLAIM_INFO : Receipt.MEDICAL_CLAIM_INFO));
        if (pharmacy) {
            prescriber = prescriber(f);
        }
        valid = problems.count() == before;
    }

    /** An HO record, which the caller has placed right after the RE. */
    void insurer(RecordFields f) {
        int before = problems.count();
        insurers++;
        boolean pharmacy = form == ClaimForm.PHARMACY;
        if (!f.hasFields(pharmacy ? Insurer.PHARMACY_FIELDS : Insurer.MEDICAL_FIELDS, "保険者レコード")) {
            valid = false;
            return;
        }
        insurerNumber = f.text(Insurer.NUMBER);
        if (insurerNumber != null && !(isDigits(insurerNumber) && (insurerNumber.length() == 8 || insurerNumber.length() == 6))) {
            problems.add(f.line(), Insurer.NUMBER, "8桁（国民健康保険は6桁）の数字ではありません",
                    "is not 8 digits (6 for 国民健康保険)");
        }
        symbol = f.text(Insurer.SYMBOL);
        cardNumber = f.text(Insurer.CARD_NUMBER);
        if (symbol != null && cardNumber != null && ShiftJis.byteLength(symbol) + ShiftJis.byteLength(cardNumber) > 38) {
            problems.add(f.line(), Insurer.CARD_NUMBER, "記号と番号の合計が38バイトを超えています",
                    "together with the 記号 is longer than 38 bytes");
        }
        days = (int) f.number(pharmacy ? Insurer.PHARMACY_DAYS : Insurer.DAYS);
        points = f.number(Insurer.POINTS);
        patientShare = f.amount(pharmacy ? Insurer.PHARMACY_PATIENT_SHARE : Insurer.MEDICAL_PATIENT_SHARE);
        Field branchField = pharmacy ? Insurer.PHARMACY_BRANCH : Insurer.MEDICAL_BRANCH;
        branch = f.present(branchField) ? f.code(branchField, 2) : null;
        valid &= problems.count() == before;
    }

    /** A KO record; its 負担金額 adds to the public share, and it gives days and points when no HO does. */
    void publicExpense(RecordFields f) {
        int before = problems.count();
        publics++;
        boolean pharmacy = form == ClaimForm.PHARMACY;
        if (!f.hasFields(pharmacy ? PublicExpense.PHARMACY_FIELDS : PublicExpense.MEDICAL_FIELDS, "公費レコード")) {
            valid = false;
            return;
        }
        f.code(PublicExpense.PAYER, 8);
        if (f.present(PublicExpense.RECIPIENT)) {
            f.code(PublicExpense.RECIPIENT, 7);
        }
        int publicDays = (int) f.number(pharmacy ? PublicExpense.PHARMACY_DAYS : PublicExpense.DAYS);
        long publicPoints = f.number(PublicExpense.POINTS);
        publicShare += f.amount(pharmacy ? PublicExpense.PHARMACY_SHARE : PublicExpense.MEDICAL_SHARE);
        if (insurers == 0 && publics == 1) {
            days = publicDays;
            points = publicPoints;
        }
        valid &= problems.count() == before;
    }

    /** The receipt once its HO and KO records are read, or null when something in them was wrong. */
    ClaimReceipt finish() {
        if (!valid) {
            return null;
        }
        boolean insured = kind.charAt(1) == '1';
        int payers = kind.charAt(2) - '0';
        int expectedPublics = insured ? payers - 1 : payers;
        if (insured != (insurers == 1) || publics != expectedPublics) {
            problems.add(line, Receipt.KIND, "保険者レコード" + insurers + "件と公費レコード" + publics + "件がレセプト種別に合いません",
                    "does not match the " + insurers + " HO and " + publics + " KO records that follow");
            return null;
        }
        return new ClaimReceipt(line, number, category, month, insurerNumber, symbol, cardNumber, branch, name, birthDate,
                sex, days, points, publicShare, patientShare, cancelled);
    }

    int number() {
        return number;
    }

    YearMonth month() {
        return month;
    }

    long points() {
        return valid ? points : 0;
    }

    /** The prescribing institution of a 調剤 receipt (RE fields 10 to 12), or null when not given. */
    String prescriber() {
        return prescriber;
    }

    private String category(RecordFields f, String code) {
        char table = code.charAt(0);
        char payer = code.charAt(1);
        char payers = code.charAt(2);
        boolean formMatches = switch (form) {
            case MEDICAL -> table == '1' || table == '6';
            case DENTAL -> table == '3';
            case PHARMACY -> table == '4';
        };
        if (!formMatches || (payer != '1' && payer != '2') || payers < '1' || payers > '5') {
            problems.add(f.line(), Receipt.KIND, "この記録条件仕様（" + form + "）のレセプト種別ではありません",
                    "is not a レセプト種別 of the " + form + " form");
            return null;
        }
        return switch (table) {
            case '1' -> (code.charAt(3) - '0') % 2 == 1 ? "入院" : "外来";
            case '6' -> "訪問看護";
            case '3' -> "歯科";
            default -> "調剤";
        };
    }

    private String prescriber(RecordFields f) {
        boolean any = f.present(Receipt.PRESCRIBER_PREFECTURE) || f.present(Receipt.PRESCRIBER_TABLE)
                || f.present(Receipt.PRESCRIBER_CODE);
        if (!any) {
            return null;
        }
        String prefecture = f.code(Receipt.PRESCRIBER_PREFECTURE, 2);
        String table = f.code(Receipt.PRESCRIBER_TABLE, 1);
        String code = f.code(Receipt.PRESCRIBER_CODE, 7);
        if (prefecture == null || table == null || code == null) {
            return null;
        }
        if (!table.equals("1") && !table.equals("3")) {
            problems.add(f.line(), Receipt.PRESCRIBER_TABLE, "処方箋を発行した医療機関の点数表は1（医科）又は3（歯科）です",
                    "of the prescribing institution must be 1 (医科) or 3 (歯科)");
            return null;
        }
        return prefecture + table + code;
    }

    static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
