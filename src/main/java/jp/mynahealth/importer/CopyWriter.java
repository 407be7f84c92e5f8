package jp.mynahealth.importer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with COPY (text format) in chunks of a few hundred kilobytes, so a
 * file of any size goes through in constant memory. While it is open the connection does nothing
 * else, which is why each kind stages its records in one table.
 */
public final class CopyWriter implements AutoCloseable {

    private static final int CHUNK = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean finished;

    CopyWriter(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin");
    }

    /** Appends one row; nulls become \N. */
    public void row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            field(values[i]);
        }
        buffer.append('\n');
        if (buffer.length() >= CHUNK) {
            send();
        }
    }

    /** Sends what is left and ends the COPY; returns the rows the server took. */
    public long finish() {
        send();
        finished = true;
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into staging failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!finished && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // The transaction is rolled back anyway; the first failure is the one worth reporting.
            }
        }
    }

    private void send() {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into staging failed: " + e.getMessage(), e);
        }
    }

    private void field(Object value) {
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        String text = value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }
}
