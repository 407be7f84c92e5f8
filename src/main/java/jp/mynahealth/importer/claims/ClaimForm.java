package jp.mynahealth.importer.claims;

/** Which 記録条件仕様 a claims file follows; the 点数表 digit of its institution code agrees with it. */
public enum ClaimForm {
    MEDICAL('1'),
    DENTAL('3'),
    PHARMACY('4');

    /**
     * The 点数表 digit of a 訪問看護ステーション's code: its receipts (6xxx) come in IR-headed blocks
     * of the 医科 layout (our convention, src/docs/importer/claims.md).
     */
    public static final char VISITING_NURSING_TABLE = '6';

    private final char tableDigit;

    ClaimForm(char tableDigit) {
        this.tableDigit = tableDigit;
    }

    /** The 点数表 digit (third of the 10-digit institution code). */
    public char tableDigit() {
        return tableDigit;
    }
}
