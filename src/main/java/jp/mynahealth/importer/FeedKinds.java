package jp.mynahealth.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells a file's kind from its first bytes, never from its name: a zip is a checkup archive, a
 * claims file starts with its IR or YK record, the 医薬品マスター with a Y record and the 診療行為マスター
 * with an S record, each CSV of ours
 * with its own header line (see src/docs/importer/), and the e-prescription events, JSON Lines, with
 * a JSON object (src/docs/e-prescriptions.md).
 */
public final class FeedKinds {

    private FeedKinds() {
    }

    public static Optional<FeedKind> detect(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K') {
            return Optional.of(FeedKind.CHECKUPS);
        }
        String start = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        if (start.startsWith("IR,") || start.startsWith("YK,")) {
            return Optional.of(FeedKind.CLAIMS);
        }
        if (start.startsWith("\u00ef\u00bb\u00bf")) {
            start = start.substring(3);
        }
        if (start.stripLeading().startsWith("{")) {
            return Optional.of(FeedKind.E_PRESCRIPTIONS);
        }
        String firstLine = start.lines().findFirst().orElse("").strip();
        for (CsvFeed feed : CsvFeed.values()) {
            if (firstLine.equals(feed.header())) {
                return Optional.of(feed.kind());
            }
        }
        String[] fields = firstLine.split(",", 4);
        if (fields.length >= 3 && unquote(fields[2]).matches("[0-9]{9}")) {
            switch (unquote(fields[1])) {
                case "Y":
                    return Optional.of(FeedKind.DRUG_MASTER);
                case "S":
                    return Optional.of(FeedKind.PROCEDURE_MASTER);
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    private static String unquote(String field) {
        String f = field.strip();
        return f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"") ? f.substring(1, f.length() - 1) : f;
    }
}
