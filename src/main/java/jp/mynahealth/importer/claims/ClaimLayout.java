package jp.mynahealth.importer.claims;

import static jp.mynahealth.importer.claims.Field.alphanumeric;
import static jp.mynahealth.importer.claims.Field.numeric;
import static jp.mynahealth.importer.claims.Field.text;

/**
 * The fields of the 記録条件仕様 (医科用, 歯科用, 調剤用) that this package reads or writes, with their
 * positions and lengths; reader and writer share these constants so that they cannot drift apart.
 * Field counts are the specification's; a record may carry more (later revisions append fields).
 * See src/docs/importer/claims.md for the sources and for the positions we decided ourselves.
 */
final class ClaimLayout {

    private ClaimLayout() {
    }

    /** IR (医療機関情報) for 医科 and 歯科, YK (薬局情報) for 調剤: both begin with the same four code fields. */
    static final class Header {
        static final Field PAYER = numeric(2, "審査支払機関", 1, true);
        static final Field PREFECTURE = numeric(3, "都道府県", 2, true);
        static final Field TABLE = numeric(4, "点数表", 1, true);
        static final Field CODE = numeric(5, "医療機関コード", 7, true);

        static final int IR_FIELDS = 10;
        static final Field IR_NAME = text(7, "医療機関名称", 40, true);
        static final Field IR_CLAIM_MONTH = numeric(8, "請求年月", 5, true);
        static final Field IR_VOLUME = numeric(9, "マルチボリューム識別情報", 2, true);

        static final int YK_FIELDS = 9;
        static final Field YK_CODE = numeric(5, "薬局コード", 7, true);
        static final Field YK_NAME = text(6, "薬局名称", 40, true);
        static final Field YK_CLAIM_MONTH = numeric(7, "請求年月", 5, true);
        static final Field YK_VOLUME = numeric(8, "マルチボリューム識別情報", 2, true);

        private Header() {
        }
    }

    /** RE (レセプト共通): the first six fields are common to all three forms. */
    static final class Receipt {
        static final Field NUMBER = numeric(2, "レセプト番号", 6, true);
        static final Field KIND = numeric(3, "レセプト種別", 4, true);
        static final Field MONTH = numeric(4, "診療年月", 5, true);
        static final Field PHARMACY_MONTH = numeric(4, "調剤年月", 5, true);
        static final Field NAME = text(5, "氏名", 40, true);
        static final Field SEX = numeric(6, "男女区分", 1, true);
        static final Field BIRTH = numeric(7, "生年月日", 7, true);

        static final int MEDICAL_FIELDS = 38;
        static final Field MEDICAL_ADMITTED = numeric(9, "入院年月日", 7, false);
        static final Field MEDICAL_CLAIM_INFO = text(21, "請求情報", 40, false);

        static final int PHARMACY_FIELDS = 42;
        static final Field PRESCRIBER_PREFECTURE = numeric(10, "都道府県（医療機関）", 2, false);
        static final Field PRESCRIBER_TABLE = numeric(11, "点数表（医療機関）", 1, false);
        static final Field PRESCRIBER_CODE = numeric(12, "医療機関コード（医療機関）", 7, false);
        static final Field PHARMACY_CLAIM_INFO = text(40, "請求情報", 40, false);

        /** The 請求情報 value by which a delivery withdraws an earlier receipt (our convention, see the docs). */
        static final String CANCELLATION = "取消";

        private Receipt() {
        }
    }

    /** HO (保険者). 枝番 is appended after the last field of the specification (our convention). */
    static final class Insurer {
        static final Field NUMBER = alphanumeric(2, "保険者番号", 8, true);
        static final Field SYMBOL = text(3, "被保険者証（手帳）等の記号", 38, false);
        static final Field CARD_NUMBER = text(4, "被保険者証（手帳）等の番号", 38, true);
        static final Field DAYS = numeric(5, "診療実日数", 2, true);
        static final Field PHARMACY_DAYS = numeric(5, "処方箋受付回数", 2, true);
        static final Field POINTS = numeric(6, "合計点数", 8, true);

        static final int MEDICAL_FIELDS = 15;
        static final Field MEDICAL_PATIENT_SHARE = numeric(12, "負担金額（医療保険）", 9, false);
        static final Field MEDICAL_BRANCH = numeric(16, "枝番", 2, false);

        static final int PHARMACY_FIELDS = 14;
        static final Field PHARMACY_PATIENT_SHARE = numeric(10, "一部負担金額", 9, false);
        static final Field PHARMACY_BRANCH = numeric(15, "枝番", 2, false);

        private Insurer() {
        }
    }

    /** KO (公費). */
    static final class PublicExpense {
        static final Field PAYER = alphanumeric(2, "負担者番号", 8, true);
        static final Field RECIPIENT = numeric(3, "受給者番号", 7, false);
        static final Field DAYS = numeric(5, "診療実日数", 2, true);
        static final Field PHARMACY_DAYS = numeric(5, "処方箋受付回数", 2, true);
        static final Field POINTS = numeric(6, "合計点数", 8, true);

        static final int MEDICAL_FIELDS = 12;
        static final Field MEDICAL_SHARE = numeric(7, "負担金額（公費）", 8, false);

        static final int PHARMACY_FIELDS = 10;
        static final Field PHARMACY_SHARE = numeric(8, "一部負担金額", 8, false);

        private PublicExpense() {
        }
    }

    /** SH (処方基本), CZ (調剤情報) and IY (医薬品) of the 調剤 form. */
    static final class Dispensing {
        static final int SH_FIELDS = 10;
        static final Field RP = numeric(2, "Ｎｏ", 2, true);
        static final Field FORM = numeric(3, "剤形コード", 1, true);
        static final Field USAGE_CODE = alphanumeric(4, "用法コード", 3, true);
        static final Field USAGE_TEXT = text(5, "特別指示", 80, false);

        /** 用法コード for a usage given only as text (未コード化用法). */
        static final String UNCODED_USAGE = "900";

        static final int CZ_FIELDS = 54;
        static final Field PRESCRIBED = numeric(3, "処方月日", 4, true);
        static final Field DISPENSED = numeric(4, "調剤月日", 4, true);
        static final Field QUANTITY = numeric(6, "調剤数量", 3, true);

        static final int IY_FIELDS = 10;
        static final Field BURDEN = alphanumeric(2, "負担区分", 1, false);
        static final Field DRUG = numeric(3, "医薬品コード", 9, true);
        static final Field AMOUNT = alphanumeric(4, "使用量", 11, true);

        private Dispensing() {
        }
    }

    /** IY (医薬品) of the 医科 and 歯科 forms: read only to check it. */
    static final class MedicalDrug {
        static final int FIELDS = 7;
        static final Field DRUG = numeric(4, "医薬品コード", 9, true);
        static final Field AMOUNT = alphanumeric(5, "使用量", 11, false);

        private MedicalDrug() {
        }
    }

    /**
     * SI (診療行為) of the 医科 and 歯科 forms: one procedure, how many times in the month, and on
     * which days (算定日情報, positions 14 to 44 for days 1 to 31). The 診療識別 may be left out when
     * it is the same as the record before's (SI, IY, TO or CO) in the receipt.
     */
    static final class CareAct {
        static final int FIELDS = 44;
        static final Field CLASS = numeric(2, "診療識別", 2, false);
        static final Field BURDEN = alphanumeric(3, "負担区分", 1, false);
        static final Field PROCEDURE = numeric(4, "診療行為コード", 9, true);
        static final Field QUANTITY = numeric(5, "数量データ", 8, false);
        static final Field POINTS = numeric(6, "点数", 7, false);
        static final Field TIMES = numeric(7, "回数", 3, true);
        /** 1日の情報 … 31日の情報: the count on each day of the service month. */
        static final Field[] DAYS = new Field[31];

        static {
            for (int day = 1; day <= 31; day++) {
                DAYS[day - 1] = numeric(13 + day, day + "日の情報", 3, false);
            }
        }

        private CareAct() {
        }
    }

    /** The 診療識別 at position 2 of the records that follow one another in a receipt's 摘要 (IY, TO, CO). */
    static final Field CARE_CLASS = numeric(2, "診療識別", 2, false);

    /** GO (診療報酬請求書): the trailer. */
    static final class Trailer {
        static final int FIELDS = 4;
        static final Field COUNT = numeric(2, "総件数", 6, true);
        static final Field POINTS = numeric(3, "総合計点数", 10, true);
        static final Field VOLUME = numeric(4, "マルチボリューム識別情報", 2, true);

        /** マルチボリューム識別情報 of the last (here: the only) volume. */
        static final String LAST_VOLUME = "99";

        private Trailer() {
        }
    }
}
