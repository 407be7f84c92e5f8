package jp.mynahealth.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV feed record by record (RFC 4180, decoded strictly: a byte that is not valid in the
 * file's encoding refuses the file) and checks each field as it is taken, collecting problems that
 * name the record and the field. Up to 100 problems are collected; then the file is refused.
 */
public final class CsvFeedReader implements AutoCloseable {

    private static final int MAX_PROBLEMS = 100;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<Problem> problems = new ArrayList<>();
    private final int columns;
    private final boolean header;
    private CSVRecord current;

    /** A feed with a header line of its own: the header must be exactly the documented one. */
    public static CsvFeedReader withHeader(InputStream in, CsvFeed feed) throws IOException {
        CsvFeedReader reader = new CsvFeedReader(in, Charset.forName("UTF-8"), feed.columns().length, true);
        String header = String.join(",", reader.parser.getHeaderNames());
        if (!header.equals(feed.header())) {
            throw new RefusedFileException(new Problem(1, "header", "見出し行が仕様と異なります: " + feed.header(),
                    "the header line must be exactly: " + feed.header()));
        }
        return reader;
    }

    /** A positional feed without a header (the public masters), with at least {@code columns} fields a record. */
    public static CsvFeedReader positional(InputStream in, Charset charset, int columns) throws IOException {
        return new CsvFeedReader(in, charset, columns, false);
    }

    private CsvFeedReader(InputStream in, Charset charset, int columns, boolean header) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat.Builder format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false);
        if (header) {
            format.setHeader().setSkipHeaderRecord(true);
        }
        this.columns = columns;
        this.header = header;
        try {
            this.parser = CSVParser.builder().setReader(new InputStreamReader(new BomSkipping(in), decoder))
                    .setFormat(format.get()).get();
        } catch (UncheckedIOException e) {
            throw refusal(e.getCause(), 1);
        } catch (IOException | IllegalArgumentException e) {
            throw refusal(e, 1);
        }
        this.records = parser.iterator();
    }

    /** Moves to the next record; false at the end of the file. */
    public boolean next() {
        try {
            if (!records.hasNext()) {
                return false;
            }
            current = records.next();
        } catch (UncheckedIOException e) {
            throw refusal(e.getCause(), parser.getCurrentLineNumber() + 1);
        } catch (IllegalStateException e) {
            throw refusal(e, parser.getCurrentLineNumber() + 1);
        }
        if (current.size() < columns) {
            problem("", "項目が足りません（" + current.size() + "項目、" + columns + "項目が必要）",
                    "too few fields (" + current.size() + ", " + columns + " needed): the record is truncated");
            return next();
        }
        return true;
    }

    /** The line of the current record, from 1 (the header is line 1 when there is one). */
    public long recordNumber() {
        return current == null ? 1 : current.getRecordNumber() + (header ? 1 : 0);
    }

    public String text(String column, int maxLength, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, "値がありません", "a value is required");
            }
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            problem(column, maxLength + "文字を超えています", "longer than " + maxLength + " characters");
            return null;
        }
        if (CONTROL.matcher(value).find()) {
            problem(column, "制御文字が含まれています", "contains control characters");
            return null;
        }
        return value;
    }

    public String matching(String column, Pattern pattern, String expected, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, "値がありません", "a value is required");
            }
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            problem(column, "形式が違います（" + expected + "）", "not in the expected form (" + expected + ")");
            return null;
        }
        return value;
    }

    public String oneOf(String column, List<String> allowed, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, "値がありません", "a value is required");
            }
            return null;
        }
        if (!allowed.contains(value)) {
            problem(column, "次のいずれかでなければなりません: " + allowed, "must be one of " + allowed);
            return null;
        }
        return value;
    }

    public LocalDate date(String column, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, "日付がありません", "a date is required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(column, "日付の形式が違います（YYYY-MM-DD）", "not a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** A date written as the masters do, yyyyMMdd; 99999999 and empty mean none. */
    public LocalDate compactDate(String column) {
        String value = raw(column);
        if (value.isEmpty() || value.equals("99999999") || value.equals("0")) {
            return null;
        }
        try {
            return LocalDate.parse(value, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            problem(column, "日付の形式が違います（YYYYMMDD）", "not a date (YYYYMMDD)");
            return null;
        }
    }

    public OffsetDateTime timestamp(String column, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, "日時がありません", "a date and time is required");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            problem(column, "日時の形式が違います（ISO 8601、時差つき）", "not a date-time with offset (ISO 8601)");
            return null;
        }
    }

    /** An opaque id (a person_ref): a UUID, or a problem naming the field. */
    public java.util.UUID uuid(String column, boolean required) {
        String value = text(column, 36, required);
        if (value == null) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            problem(column, "UUIDの形式ではありません", "not a UUID");
            return null;
        }
    }

    public Integer integer(String column, int min, int max, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, "値がありません", "a value is required");
            }
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                problem(column, min + "から" + max + "の範囲外です", "outside " + min + ".." + max);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problem(column, "数字ではありません", "not a whole number");
            return null;
        }
    }

    public BigDecimal decimal(String column, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, "値がありません", "a value is required");
            }
            return null;
        }
        if (value.length() > 30) {
            problem(column, "桁数が多すぎます", "too many digits");
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            problem(column, "数値ではありません", "not a number");
            return null;
        }
    }

    /** A field by position, from 1, for headerless files. */
    public String at(int position) {
        return current.get(position - 1).strip();
    }

    public void problem(String field, String reasonJa, String reasonEn) {
        problems.add(new Problem(recordNumber(), field, reasonJa, reasonEn));
        if (problems.size() >= MAX_PROBLEMS) {
            throw new RefusedFileException(problems);
        }
    }

    public boolean currentRecordValid(int problemsBefore) {
        return problems.size() == problemsBefore;
    }

    public int problemCount() {
        return problems.size();
    }

    /** Refuses the file if any record had a problem. */
    public void finish() {
        if (!problems.isEmpty()) {
            throw new RefusedFileException(problems);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private String raw(String column) {
        if (column.startsWith("#")) {
            return at(Integer.parseInt(column.substring(1)));
        }
        return current.get(column);
    }

    private RefusedFileException refusal(Throwable cause, long line) {
        List<Problem> all = new ArrayList<>(problems);
        if (cause instanceof CharacterCodingException) {
            all.add(new Problem(line, "", "文字コードが正しくありません（この形式は決められた文字コードで送ってください）",
                    "bytes that are not valid in the file's character encoding"));
        } else {
            all.add(new Problem(line, "", "CSVとして読めません: " + cause.getMessage(),
                    "not readable as CSV: " + cause.getMessage()));
        }
        return new RefusedFileException(all);
    }

    /** Drops a UTF-8 byte order mark, which spreadsheet programs write. */
    private static final class BomSkipping extends java.io.PushbackInputStream {
        BomSkipping(InputStream in) throws IOException {
            super(in, 3);
            byte[] head = new byte[3];
            int n = in.readNBytes(head, 0, 3);
            if (!(n == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) && n > 0) {
                unread(head, 0, n);
            }
        }
    }
}
