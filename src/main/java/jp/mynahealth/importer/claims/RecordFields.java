package jp.mynahealth.importer.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * The comma-separated fields of the current record, kept as offsets into the decoded characters so
 * that a field becomes a String only when its value is kept. Each typed accessor checks the field
 * against the specification (required, mode, length in Shift_JIS bytes) and reports what is wrong,
 * returning an "absent" value (null or -1) then.
 */
final class RecordFields {

    private final Problems problems;
    private char[] chars;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int count;
    private long line;

    RecordFields(Problems problems) {
        this.problems = problems;
    }

    void split(char[] text, int length, long lineNumber) {
        chars = text;
        line = lineNumber;
        count = 0;
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || text[i] == ',') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = start;
                ends[count] = i;
                count++;
                start = i + 1;
            }
        }
    }

    long line() {
        return line;
    }

    int count() {
        return count;
    }

    /** The record id: the first field when it is two characters, else an empty string. */
    String id() {
        return ends[0] - starts[0] == 2 ? RecordId.of(chars[starts[0]], chars[starts[0] + 1]) : "";
    }

    /** Reports a record with fewer fields than its specification has (a record cut short). */
    boolean hasFields(int expected, String recordName) {
        if (count >= expected) {
            return true;
        }
        problems.add(line, "", recordName + "の項目数が不足しています（" + count + "項目、" + expected + "項目必要）",
                recordName + " has " + count + " fields where the specification has " + expected);
        return false;
    }

    boolean present(Field field) {
        return field.index() < count && trimmedEnd(field.index()) > trimmedStart(field.index());
    }

    /**
     * A field as text without the trailing spaces the specification allows to pad it (and, for a
     * 英数 field, the leading ones of right alignment), or null when empty.
     */
    String text(Field field) {
        if (!checked(field)) {
            return null;
        }
        int i = field.index();
        int start = field.mode() == Field.Mode.TEXT ? starts[i] : trimmedStart(i);
        return new String(chars, start, trimmedEnd(i) - start);
    }

    /** A numeric field, -1 when absent or wrong (reported). */
    long number(Field field) {
        if (!checked(field)) {
            return -1;
        }
        int i = field.index();
        long value = 0;
        for (int p = trimmedStart(i); p < trimmedEnd(i); p++) {
            value = value * 10 + (chars[p] - '0');
        }
        return value;
    }

    /** A numeric field as 0 when it is empty (amounts that the specification lets one omit). */
    long amount(Field field) {
        return present(field) ? number(field) : 0;
    }

    /** A code of digits that must have exactly {@code digits} of them, or null. */
    String code(Field field, int digits) {
        if (!checked(field)) {
            return null;
        }
        int i = field.index();
        int start = trimmedStart(i);
        int end = trimmedEnd(i);
        for (int p = start; p < end; p++) {
            if (chars[p] < '0' || chars[p] > '9') {
                problems.add(line, field, "数字で記録されていません", "is not made of digits");
                return null;
            }
        }
        if (end - start != digits) {
            problems.add(line, field, digits + "桁で記録されていません", "does not have " + digits + " digits");
            return null;
        }
        return new String(chars, start, end - start);
    }

    LocalDate date(Field field) {
        if (!checked(field)) {
            return null;
        }
        int i = field.index();
        LocalDate date = trimmedEnd(i) - trimmedStart(i) == 7 ? Wareki.date(chars, trimmedStart(i)) : null;
        if (date == null) {
            problems.add(line, field, "和暦の年月日（GYYMMDD）として正しくありません", "is not a valid 和暦 date (GYYMMDD)");
        }
        return date;
    }

    YearMonth month(Field field) {
        if (!checked(field)) {
            return null;
        }
        int i = field.index();
        YearMonth month = trimmedEnd(i) - trimmedStart(i) == 5 ? Wareki.month(chars, trimmedStart(i)) : null;
        if (month == null) {
            problems.add(line, field, "和暦の年月（GYYMM）として正しくありません", "is not a valid 和暦 month (GYYMM)");
        }
        return month;
    }

    /** A decimal such as 使用量: up to {@code integers} digits, a point, up to {@code fractions} digits. */
    BigDecimal decimal(Field field, int integers, int fractions) {
        if (!checked(field)) {
            return null;
        }
        int i = field.index();
        int start = trimmedStart(i);
        int end = trimmedEnd(i);
        int point = -1;
        boolean digits = end > start;
        for (int p = start; p < end; p++) {
            char c = chars[p];
            if (c == '.' && point < 0) {
                point = p;
            } else if (c < '0' || c > '9') {
                digits = false;
            }
        }
        int integerDigits = (point < 0 ? end : point) - start;
        int fractionDigits = point < 0 ? 0 : end - point - 1;
        if (!digits || integerDigits == 0 || integerDigits > integers || fractionDigits > fractions
                || (point >= 0 && fractionDigits == 0)) {
            problems.add(line, field, "数値（整数部" + integers + "桁、小数部" + fractions + "桁まで）として正しくありません",
                    "is not a number of up to " + integers + " integer and " + fractions + " fraction digits");
            return null;
        }
        return new BigDecimal(chars, start, end - start);
    }

    /** Presence, mode and length, reported; true when the field holds a value that passed. */
    private boolean checked(Field field) {
        if (!present(field)) {
            if (field.required()) {
                problems.add(line, field, "記録されていません", "is missing");
            }
            return false;
        }
        int i = field.index();
        int start = trimmedStart(i);
        int end = trimmedEnd(i);
        if (field.mode() == Field.Mode.NUMERIC) {
            for (int p = start; p < end; p++) {
                if (chars[p] < '0' || chars[p] > '9') {
                    problems.add(line, field, "数字以外が記録されています", "is not numeric");
                    return false;
                }
            }
        }
        int bytes = ShiftJis.byteLength(chars, starts[i], end);
        if (bytes > field.maxBytes()) {
            problems.add(line, field, "長さが" + field.maxBytes() + "バイトを超えています（" + bytes + "バイト）",
                    "is " + bytes + " bytes long, more than " + field.maxBytes());
            return false;
        }
        return true;
    }

    /** Leading spaces pad only right-aligned fields such as a 6-digit 保険者番号; text keeps its own. */
    private int trimmedStart(int i) {
        int p = starts[i];
        while (p < ends[i] && chars[p] == ' ') {
            p++;
        }
        return p;
    }

    private int trimmedEnd(int i) {
        int p = ends[i];
        while (p > starts[i] && (chars[p - 1] == ' ' || chars[p - 1] == '\u3000')) {
            p--;
        }
        return p;
    }
}
