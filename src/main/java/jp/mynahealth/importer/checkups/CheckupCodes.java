package jp.mynahealth.importer.checkups;

import java.util.List;
import java.util.Map;

/**
 * The OIDs and code tables of the MHLW 電子的な標準様式 (第4期) that the archive reader and writer use,
 * as the MHLW OID 表 defines them.
 */
final class CheckupCodes {

    static final String HL7_NS = "urn:hl7-org:v3";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    /** Namespace of the 交換用基本情報 (ix08) and 集計情報 (su08) files. */
    static final String MHLW_NS = "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000161103.html";

    static final String INSURER_NUMBER = "1.2.392.200119.6.101";
    static final String INSTITUTION_NUMBER = "1.2.392.200119.6.102";
    static final String PAYMENT_FUND_KIND = "1.2.392.200119.6.104";
    static final String INSURED_SYMBOL = "1.2.392.200119.6.204";
    static final String INSURED_NUMBER = "1.2.392.200119.6.205";
    static final String INSURED_BRANCH = "1.2.392.200119.6.211";
    static final String REPORT_CATEGORY = "1.2.392.200119.6.1001";
    static final String PROGRAM_TYPE = "1.2.392.200119.6.1002";
    static final String JLAC10 = "1.2.392.200119.6.1005";
    static final String METABOLIC_JUDGEMENT_CODES = "1.2.392.200119.6.1008";
    static final String SECTION = "1.2.392.200119.6.1010";
    static final String SEX = "1.2.392.200119.6.1104";
    static final String GUIDANCE_LEVEL_CODES = "1.2.392.200119.6.3001";
    static final String INTERPRETATION = "2.16.840.1.113883.5.83";

    /** 報告区分 10: 特定健診情報 — the only kind of document a checkup archive may carry here. */
    static final String REPORT_CHECKUP = "10";

    static final String METABOLIC_JUDGEMENT = "9N501000000000011";
    static final String GUIDANCE_LEVEL = "9N506000000000011";

    static final String SPECIFIC_CHECKUP = "特定健診";
    static final String LATTER_STAGE_CHECKUP = "後期高齢者健診";

    /** プログラム種別コード → the program names the read store uses, and back. */
    static final Map<String, String> PROGRAMS = Map.of("010", SPECIFIC_CHECKUP, "020", LATTER_STAGE_CHECKUP);
    static final Map<String, String> PROGRAM_CODES = Map.of(SPECIFIC_CHECKUP, "010", LATTER_STAGE_CHECKUP, "020");

    /** CDA セクションコード: 01010 特定健診・問診結果, 01020 広域連合の保健事業. */
    static final Map<String, String> SECTIONS = Map.of(SPECIFIC_CHECKUP, "01010", LATTER_STAGE_CHECKUP, "01020");

    /** A code table of coded (CO) results: its OID and its codes' display texts, in code order from 1. */
    record CodeTable(String oid, List<String> displays, Map<String, Integer> aliases) {

        /** The code of a display text, or null when the table has none for it. */
        String codeOf(String display) {
            int index = displays.indexOf(display);
            if (index >= 0) {
                return Integer.toString(index + 1);
            }
            Integer aliased = aliases.get(display);
            return aliased == null ? null : aliased.toString();
        }

        String displayOf(String code) {
            try {
                int index = Integer.parseInt(code) - 1;
                return index >= 0 && index < displays.size() ? displays.get(index) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    // 健診定性検査結果コード: senders and the demo write 1+ as a bare "+", so both name code 3.
    private static final CodeTable DIPSTICK = new CodeTable("1.2.392.200119.6.2102",
            List.of("−", "±", "1+", "2+", "3+"), Map.of("+", 3, "-", 1));
    private static final CodeTable YES_NO = new CodeTable("1.2.392.200119.6.2003", List.of("はい", "いいえ"), Map.of());
    private static final CodeTable SMOKING = new CodeTable("1.2.392.200119.6.24060",
            List.of("はい", "以前は吸っていたが最近1ヶ月間は吸っていない", "いいえ"), Map.of());

    /** The coded items the writer knows how to code; any other text result is written as ST. */
    static final Map<String, CodeTable> CODED_ITEMS = Map.of(
            "1A020000000190111", DIPSTICK, // 尿糖
            "1A010000000190111", DIPSTICK, // 尿蛋白
            "9N701000000000011", YES_NO, // 服薬1(血圧)
            "9N706000000000011", YES_NO, // 服薬2(血糖)
            "9N711000000000011", YES_NO, // 服薬3(脂質)
            "9N736000000000011", SMOKING); // 喫煙

    private static final Map<String, CodeTable> TABLES_BY_OID = Map.of(DIPSTICK.oid(), DIPSTICK, YES_NO.oid(), YES_NO,
            SMOKING.oid(), SMOKING);

    /** The display text of a coded result when the document gives no displayName; null if unknown. */
    static String displayOf(String codeSystem, String code) {
        CodeTable table = codeSystem == null ? null : TABLES_BY_OID.get(codeSystem);
        return table == null ? null : table.displayOf(code);
    }

    private CheckupCodes() {
    }
}
