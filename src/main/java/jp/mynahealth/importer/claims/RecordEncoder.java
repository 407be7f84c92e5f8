package jp.mynahealth.importer.claims;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Builds one record at a time into a reused field array and encodes it as Shift_JIS into a reused
 * buffer, which goes to the stream in large writes. Every value is checked against its {@link Field}
 * as it is put, so a file this writes is one the reader accepts: a value that cannot be written
 * (too long, not numeric, a comma or line break in it, a character outside JIS X 0208) is an
 * {@link IllegalArgumentException} naming the field and the value.
 */
final class RecordEncoder {

    private static final int FLUSH_AT = 48 * 1024;

    private final OutputStream out;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharsetEncoder encoder = Charset.forName("Shift_JIS").newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final String[] values = new String[64];
    private int count;

    RecordEncoder(OutputStream out) {
        this.out = out;
    }

    void begin(String id, int fields) {
        Arrays.fill(values, 0, fields, null);
        values[0] = id;
        count = fields;
    }

    void put(Field field, long value) {
        put(field, Long.toString(value));
    }

    /** Puts a value; null leaves the field empty (and is refused for a required field). */
    void put(Field field, String value) {
        if (value == null || value.isEmpty()) {
            if (field.required()) {
                throw new IllegalArgumentException(field.name() + " is required");
            }
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '\r' || c == '\n') {
                throw new IllegalArgumentException(field.name() + " cannot hold a comma or a line break: " + value);
            }
            if (field.mode() == Field.Mode.NUMERIC && (c < '0' || c > '9')) {
                throw new IllegalArgumentException(field.name() + " must be digits: " + value);
            }
            if (c >= 0x80 && !encodable(c)) {
                throw new IllegalArgumentException(field.name() + " holds a character outside JIS X 0208 ('" + c
                        + "'), which Shift_JIS cannot carry: " + value);
            }
        }
        int length = ShiftJis.byteLength(value);
        if (length > field.maxBytes()) {
            throw new IllegalArgumentException(field.name() + " is " + length + " bytes of Shift_JIS, more than "
                    + field.maxBytes() + ": " + value);
        }
        values[field.index()] = value;
    }

    /** Encodes the record with its CRLF. */
    void end() throws IOException {
        int start = bytes.position();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                bytes.put((byte) ',');
            }
            String value = values[i];
            if (value != null) {
                encode(value);
            }
        }
        bytes.put((byte) '\r').put((byte) '\n');
        if (bytes.position() - start - 2 > CrlfLineReader.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("the " + values[0] + " record is longer than "
                    + CrlfLineReader.MAX_RECORD_BYTES + " bytes");
        }
        if (bytes.position() >= FLUSH_AT) {
            drain();
        }
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void encode(String value) {
        boolean ascii = true;
        for (int i = 0; i < value.length() && ascii; i++) {
            ascii = value.charAt(i) < 0x80;
        }
        if (ascii) {
            for (int i = 0; i < value.length(); i++) {
                bytes.put((byte) value.charAt(i));
            }
            return;
        }
        encoder.reset();
        CoderResult result = encoder.encode(CharBuffer.wrap(value), bytes, true);
        if (result.isError()) {
            throw new IllegalArgumentException("cannot encode as Shift_JIS: " + value);
        }
        encoder.flush(bytes);
    }

    /**
     * ¥ and ‾ have Shift_JIS bytes but read back as \ and ~, so they would not survive a round trip;
     * everything else is what the JDK's Shift_JIS (JIS X 0201 + JIS X 0208) can encode.
     */
    private boolean encodable(char c) {
        return c != '\u00A5' && c != '\u203E' && !Character.isSurrogate(c) && encoder.canEncode(c);
    }

    private void drain() throws IOException {
        out.write(bytes.array(), 0, bytes.position());
        bytes.clear();
    }
}
