package jp.mynahealth.importer.checkups;

import java.util.Locale;
import java.util.Set;

/**
 * Where an entry sits in the 送付用ファイルアーカイブ: {@code <root folder>/ix08_V08.xml},
 * {@code su08_V08.xml}, {@code DATA/*.xml}, {@code CLAIMS/*}, {@code XSD/*}. The root folder is
 * optional here (some senders zip its contents), and whatever it is called is not checked.
 */
final class ArchiveEntryNames {

    static final String INDEX = "ix08_V08.xml";
    static final String SUMMARY = "su08_V08.xml";
    static final String DATA = "DATA";
    private static final Set<String> TOP_LEVEL = Set.of(INDEX, SUMMARY, DATA, "CLAIMS", "XSD");
    private static final Set<String> ARCHIVE_SUFFIXES = Set.of(".zip", ".jar", ".war", ".gz", ".tgz", ".tar", ".7z",
            ".rar", ".lzh", ".lha", ".bz2", ".xz", ".cab");
    private static final int MAX_NAME = 255;

    enum Kind { INDEX, SUMMARY, DOCUMENT, CLAIMS, SCHEMA, FOLDER, UNEXPECTED }

    private ArchiveEntryNames() {
    }

    /**
     * Why a name must not be unpacked or trusted, in English, or null when it is safe. Nothing here
     * writes entries to disk, but names end up in reports and other tools do unpack these archives.
     */
    static String unsafe(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return "empty or longer than " + MAX_NAME + " characters";
        }
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0
                || name.length() > 1 && name.charAt(1) == ':') {
            return "an absolute path, a drive or a backslash";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return "a relative path segment (..)";
            }
        }
        return null;
    }

    static boolean namesAnArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    static Kind kind(String name) {
        if (name.endsWith("/")) {
            return Kind.FOLDER;
        }
        String[] segments = name.split("/");
        int first = segments.length > 1 && !TOP_LEVEL.contains(segments[0]) ? 1 : 0;
        int depth = segments.length - first;
        String top = segments[first];
        if (depth == 1 && top.equals(INDEX)) {
            return Kind.INDEX;
        }
        if (depth == 1 && top.equals(SUMMARY)) {
            return Kind.SUMMARY;
        }
        if (depth == 2 && top.equals(DATA) && segments[first + 1].toLowerCase(Locale.ROOT).endsWith(".xml")) {
            return Kind.DOCUMENT;
        }
        if (depth >= 2 && top.equals("CLAIMS")) {
            return Kind.CLAIMS;
        }
        if (depth >= 2 && top.equals("XSD")) {
            return Kind.SCHEMA;
        }
        return Kind.UNEXPECTED;
    }
}
