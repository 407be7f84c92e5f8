package jp.mynahealth.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read through it and reports them now and then (every 4 MiB). */
final class CountingInputStream extends FilterInputStream {

    private static final long REPORT_EVERY = 4L * 1024 * 1024;

    private final LongConsumer report;
    private long count;
    private long reported;

    CountingInputStream(InputStream in, LongConsumer report) {
        super(in);
        this.report = report;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    long count() {
        return count;
    }

    private void advance(long n) {
        count += n;
        if (count - reported >= REPORT_EVERY) {
            reported = count;
            report.accept(count);
        }
    }
}
