package jp.mynahealth.importer.claims;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Cuts a claims file into records at CRLF and decodes each strictly as Shift_JIS (JIS X 0201 and
 * JIS X 0208 only: the JDK's Shift_JIS, unlike windows-31j, has no NEC or IBM extensions). One fixed
 * buffer and one decoder serve the whole file, so memory stays flat however large it is, and an
 * ASCII-only record (most of them) skips the decoder. A record that cannot be used is reported and
 * {@link #usable()} is false; the caller goes on with the next one.
 */
final class CrlfLineReader {

    /** Longest record accepted, CRLF excluded: the longest real record (SJ, 2400 bytes of text) fits. */
    static final int MAX_RECORD_BYTES = 4096;

    /** MS-DOS end-of-file mark that some systems still write after the last record. */
    private static final byte EOF_MARK = 0x1A;

    private final InputStream in;
    private final Problems problems;
    private final byte[] buffer = new byte[64 * 1024];
    private final ByteBuffer bytes = ByteBuffer.wrap(buffer);
    private final CharBuffer chars = CharBuffer.allocate(MAX_RECORD_BYTES);
    private final CharsetDecoder decoder = Charset.forName("Shift_JIS").newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private boolean endOfStream;
    private long lineNumber;
    private boolean usable;
    private int length;

    CrlfLineReader(InputStream in, Problems problems) {
        this.in = in;
        this.problems = problems;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** Whether the current record was cut and decoded; its text is then {@link #chars()}[0, {@link #length()}). */
    boolean usable() {
        return usable;
    }

    char[] chars() {
        return chars.array();
    }

    int length() {
        return length;
    }

    /** Moves to the next record; false at the end of the file. */
    boolean next() throws IOException {
        int scanned = position;
        while (true) {
            int lf = indexOfLf(scanned);
            if (lf >= 0) {
                lineNumber++;
                cut(position, lf);
                position = lf + 1;
                return true;
            }
            if (limit - position > MAX_RECORD_BYTES + 1) {
                lineNumber++;
                problems.add(lineNumber, "", "レコードが長すぎます（" + MAX_RECORD_BYTES + "バイトを超えています）",
                        "the record is longer than " + MAX_RECORD_BYTES + " bytes");
                skipPastLf();
                usable = false;
                return true;
            }
            if (endOfStream) {
                return lastRecord();
            }
            scanned = limit - position;
            fill();
            scanned = Math.min(scanned, limit);
        }
    }

    private boolean lastRecord() {
        if (position == limit || (limit - position == 1 && buffer[position] == EOF_MARK)) {
            position = limit;
            return false;
        }
        lineNumber++;
        problems.add(lineNumber, "", "最後のレコードがCRLFで終わっていません（ファイルが途中で切れています）",
                "the last record does not end with CRLF (the file is truncated)");
        position = limit;
        usable = false;
        return true;
    }

    private void cut(int start, int lf) {
        int end = lf;
        if (end > start && buffer[end - 1] == '\r') {
            end--;
        } else {
            problems.add(lineNumber, "", "レコードの区切りがCRLFではありません（LFのみ）",
                    "the record ends with a bare LF instead of CRLF");
        }
        usable = end - start <= MAX_RECORD_BYTES && decode(start, end);
        if (end - start > MAX_RECORD_BYTES) {
            problems.add(lineNumber, "", "レコードが長すぎます（" + MAX_RECORD_BYTES + "バイトを超えています）",
                    "the record is longer than " + MAX_RECORD_BYTES + " bytes");
        }
    }

    private boolean decode(int start, int end) {
        char[] out = chars.array();
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            if (b < 0) {
                ascii = false;
                break;
            }
            out[i - start] = (char) b;
        }
        if (ascii) {
            length = end - start;
            return true;
        }
        bytes.limit(end).position(start);
        chars.clear();
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int column = bytes.position() - start + 1;
            problems.add(lineNumber, "", column + "バイト目にShift_JIS（JIS X 0208）で読めないバイトがあります",
                    "byte " + column + " is not valid Shift_JIS (JIS X 0208)");
            return false;
        }
        length = chars.position();
        return true;
    }

    private int indexOfLf(int from) {
        for (int i = from; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void skipPastLf() throws IOException {
        while (true) {
            int lf = indexOfLf(position);
            if (lf >= 0) {
                position = lf + 1;
                return;
            }
            position = limit;
            if (endOfStream) {
                return;
            }
            fill();
        }
    }

    /** Keeps the unread bytes, moved to the front, and reads more after them. */
    private void fill() throws IOException {
        int kept = limit - position;
        System.arraycopy(buffer, position, buffer, 0, kept);
        position = 0;
        limit = kept;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfStream = true;
        } else {
            limit += read;
        }
    }
}
