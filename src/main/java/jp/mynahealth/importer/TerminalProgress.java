package jp.mynahealth.importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * On a terminal, one bar redrawn in place (records/s and the time left, from the bytes read); in
 * a log or a pipe, a plain line at most every five seconds.
 */
final class TerminalProgress implements FeedImporter.ProgressFactory {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    /** Files of a run are read two at a time (see FeedImporter), so bars come from two threads. */
    private volatile boolean drawn;

    TerminalProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public ImportProgress forFile(Path file) {
        long size;
        try {
            size = Math.max(1, Files.size(file));
        } catch (java.io.IOException e) {
            size = 1;
        }
        long total = size;
        long began = System.nanoTime();
        long[] lastLine = { began };
        String name = file.getFileName().toString();
        return (bytesRead, records) -> {
            long now = System.nanoTime();
            double seconds = Math.max(0.001, (now - began) / 1e9);
            double fraction = Math.min(1, bytesRead / (double) total);
            long perSecond = Math.round(records / seconds);
            long eta = fraction > 0 ? Math.round(seconds / fraction - seconds) : 0;
            if (terminal) {
                int filled = (int) Math.round(fraction * WIDTH);
                out.printf("\r%-24.24s [%s%s] %3.0f%% %,d records %,d/s ETA %d:%02d ", name, "#".repeat(filled),
                        "-".repeat(WIDTH - filled), fraction * 100, records, perSecond, eta / 60, eta % 60);
                drawn = true;
            } else if (now - lastLine[0] >= 5_000_000_000L || fraction >= 1) {
                lastLine[0] = now;
                out.printf("%s: %.0f%% read, %,d records, %,d records/s, about %d s left%n", name, fraction * 100, records,
                        perSecond, eta);
            }
        };
    }

    void done() {
        if (drawn) {
            out.println();
        }
    }
}
