package jp.mynahealth.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one file: imported (or validated, on a dry run), already imported before, or
 * refused with the problems that say why. Unmatched records are imported apart and counted.
 */
public record ImportReport(Path file, FeedKind kind, Outcome outcome, byte[] hash, long records, long unmatched,
        Map<String, Long> unmatchedByReason, List<Problem> problems, Duration took) {

    public enum Outcome {
        IMPORTED, VALIDATED, ALREADY_IMPORTED, REFUSED
    }

    public ImportReport {
        unmatchedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(unmatchedByReason));
        problems = List.copyOf(problems);
    }

    /** The same report for the file where it now lies (the inbox moves it). */
    public ImportReport movedTo(Path moved) {
        return new ImportReport(moved, kind, outcome, hash, records, unmatched, unmatchedByReason, problems, took);
    }

    /** The innermost cause's first line: what an operator can act on, without a stack trace. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }

    public String hashHex() {
        return hash == null ? "" : HexFormat.of().formatHex(hash);
    }

    /** One line for a terminal or a log. */
    public String summary() {
        String kindName = kind == null ? "unknown kind" : kind.dbName();
        return switch (outcome) {
            case IMPORTED, VALIDATED -> String.format("%s %s (%s): %,d records%s in %.1f s", file.getFileName(),
                    outcome == Outcome.IMPORTED ? "imported" : "valid (dry run, nothing written)", kindName, records,
                    unmatched > 0 ? String.format(", %,d unmatched (kept apart, shown to no one: %s)", unmatched,
                            unmatchedByReason) : "",
                    took.toMillis() / 1000.0);
            case ALREADY_IMPORTED -> file.getFileName() + " was already imported (same content, sha-256 " + hashHex()
                    + "): nothing changed";
            case REFUSED -> file.getFileName() + " refused (" + kindName + "), nothing of it written: "
                    + problems.size() + " problem(s), first: " + (problems.isEmpty() ? "" : problems.get(0));
        };
    }
}
