package jp.mynahealth.importer.claims;

/** Lengths as the specification counts them: bytes of Shift_JIS. */
final class ShiftJis {

    private ShiftJis() {
    }

    /**
     * One byte for ASCII and half-width katakana (JIS X 0201), two for everything of JIS X 0208.
     * Assumes the characters were decoded from, or checked against, Shift_JIS.
     */
    static int byteLength(char[] chars, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            bytes += c < 0x80 || (c >= '\uFF61' && c <= '\uFF9F') ? 1 : 2;
        }
        return bytes;
    }

    static int byteLength(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 || (c >= '\uFF61' && c <= '\uFF9F') ? 1 : 2;
        }
        return bytes;
    }
}
