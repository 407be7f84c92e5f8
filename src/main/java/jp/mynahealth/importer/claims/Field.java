package jp.mynahealth.importer.claims;

/**
 * One field of a claims record as the 記録条件仕様 lays it out: its 1-based position in the record
 * (position 1 is the record id), its name in the specification, its maximum length in bytes of
 * Shift_JIS (the specification counts bytes: 20 全角 characters fill a 40-byte 漢字 field) and its mode.
 */
record Field(int position, String name, int maxBytes, Mode mode, boolean required) {

    /** The specification's 数字, 英数 and 漢字 (or 英数又は漢字) modes. */
    enum Mode {
        NUMERIC, ALPHANUMERIC, TEXT
    }

    static Field numeric(int position, String name, int maxBytes, boolean required) {
        return new Field(position, name, maxBytes, Mode.NUMERIC, required);
    }

    static Field alphanumeric(int position, String name, int maxBytes, boolean required) {
        return new Field(position, name, maxBytes, Mode.ALPHANUMERIC, required);
    }

    static Field text(int position, String name, int maxBytes, boolean required) {
        return new Field(position, name, maxBytes, Mode.TEXT, required);
    }

    int index() {
        return position - 1;
    }
}
