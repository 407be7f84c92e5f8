package jp.mynahealth.importer.claims;

/** The record ids this package acts on; other ids of two capital letters are records it tolerates. */
final class RecordId {

    static final String IR = "IR";
    static final String YK = "YK";
    static final String RE = "RE";
    static final String HO = "HO";
    static final String KO = "KO";
    static final String SH = "SH";
    static final String CZ = "CZ";
    static final String IY = "IY";
    static final String GO = "GO";
    static final String SI = "SI";
    static final String TO = "TO";
    static final String CO = "CO";
    /** Any other id of two capital letters (SY, SJ, JD, MF, KI, TK …): checked for place only. */
    static final String OTHER = "**";

    private RecordId() {
    }

    /** The canonical id for two characters without allocating, or "" when they cannot be an id. */
    static String of(char a, char b) {
        switch (a << 16 | b) {
            case 'I' << 16 | 'R': return IR;
            case 'Y' << 16 | 'K': return YK;
            case 'R' << 16 | 'E': return RE;
            case 'H' << 16 | 'O': return HO;
            case 'K' << 16 | 'O': return KO;
            case 'S' << 16 | 'H': return SH;
            case 'C' << 16 | 'Z': return CZ;
            case 'I' << 16 | 'Y': return IY;
            case 'G' << 16 | 'O': return GO;
            case 'S' << 16 | 'I': return SI;
            case 'T' << 16 | 'O': return TO;
            case 'C' << 16 | 'O': return CO;
            default: return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' ? OTHER : "";
        }
    }
}
