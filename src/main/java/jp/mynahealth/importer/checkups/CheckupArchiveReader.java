package jp.mynahealth.importer.checkups;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import jp.mynahealth.importer.RefusedFileException;

/**
 * Reads a 特定健診 exchange archive (送付用ファイルアーカイブ, 電子的な標準様式 第4期) as it streams in:
 * each {@code DATA/*.xml} ClinicalDocument is handed to the sink in archive order, so memory stays
 * flat however many documents there are. See {@code src/docs/importer/checkups.md}.
 *
 * <p>Documents reach the sink before the archive is known to be whole — the index and summary
 * counts can only be checked at its end. On a {@link RefusedFileException} the caller discards what
 * the sink received (it writes into one transaction or a staging table).
 */
public final class CheckupArchiveReader {

    private CheckupArchiveReader() {
    }

    public static void read(InputStream zip, Consumer<CheckupDocument> sink) throws IOException {
        read(zip, CheckupArchiveLimits.DEFAULT, sink);
    }

    /**
     * @throws RefusedFileException with up to {@code limits.maxProblems()} problems when anything of
     *                              the archive is wrong; no document with a problem reaches the sink
     * @throws IOException          when the stream itself fails (not when its content is corrupt)
     */
    public static void read(InputStream zip, CheckupArchiveLimits limits, Consumer<CheckupDocument> sink)
            throws IOException {
        ProblemCollector problems = new ProblemCollector(limits.maxProblems());
        CountingInputStream raw = new CountingInputStream(zip);
        Tally tally = new Tally();
        try (ZipInputStream in = new ZipInputStream(raw, StandardCharsets.UTF_8);
                OrderedDocumentParser documents = new OrderedDocumentParser(problems, sink)) {
            ArchiveEntryReader entries = new ArchiveEntryReader(in, raw, limits, problems);
            try {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    if (++tally.entries > limits.maxEntries()) {
                        throw problems.fatal(0, "", "ファイル数が上限（" + limits.maxEntries() + "）を超えています",
                                "the archive has more than " + limits.maxEntries() + " entries");
                    }
                    readEntry(entry.getName(), entries, documents, problems, tally);
                }
            } catch (ZipException | EOFException e) {
                // The documents before the damage are still reported, before it, as they were read.
                documents.finish();
                throw problems.fatal(0, "", "ZIPファイルが壊れているか途中で切れています",
                        "the zip is corrupt or truncated: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                // ZipInputStream's answer to an entry name that is not UTF-8.
                documents.finish();
                throw problems.fatal(0, "", "ファイル名が UTF-8 で読めません", "an entry name is not UTF-8: " + e.getMessage());
            }
            documents.finish();
        }
        checkCounts(problems, tally);
        if (!problems.isEmpty()) {
            throw problems.refusal();
        }
    }

    /** What the archive held, for the checks at its end. */
    private static final class Tally {
        long entries;
        long documents;
        Long indexCount;
        Long summaryCount;
        boolean indexSeen;
        boolean summarySeen;
    }

    private static void readEntry(String name, ArchiveEntryReader entries, OrderedDocumentParser documents,
            ProblemCollector problems, Tally tally) throws IOException {
        String unsafe = ArchiveEntryNames.unsafe(name);
        if (unsafe != null) {
            throw problems.fatal(0, ObservationBuilder.abbreviate(name), "ファイル名が不正です（絶対パスや .. を含む）",
                    "unsafe entry name: " + unsafe);
        }
        if (ArchiveEntryNames.namesAnArchive(name)) {
            throw problems.fatal(0, name, "アーカイブの中に圧縮ファイルが入っています", "the entry is itself an archive");
        }
        switch (ArchiveEntryNames.kind(name)) {
            case DOCUMENT -> {
                long recordNumber = ++tally.documents;
                documents.submit(entries.readAll(name), recordNumber, name);
            }
            case INDEX -> {
                if (tally.indexSeen) {
                    problems.add(0, name, "交換用基本情報ファイルが2つあります", "a second index file");
                }
                tally.indexSeen = true;
                tally.indexCount = ArchiveControlFiles.indexCount(entries.readAll(name), name, problems);
            }
            case SUMMARY -> {
                if (tally.summarySeen) {
                    problems.add(0, name, "集計情報ファイルが2つあります", "a second summary file");
                }
                tally.summarySeen = true;
                tally.summaryCount = ArchiveControlFiles.summaryCount(entries.readAll(name), name, problems);
            }
            case CLAIMS, SCHEMA, FOLDER -> entries.skip(name);
            case UNEXPECTED -> {
                problems.add(0, name, "送付用ファイルアーカイブの構成にないファイルです",
                        "not part of the archive layout (ix08_V08.xml, su08_V08.xml, DATA/, CLAIMS/, XSD/)");
                entries.skip(name);
            }
        }
    }

    /** A truncated or padded archive shows as counts that differ from the documents actually read. */
    private static void checkCounts(ProblemCollector problems, Tally tally) {
        if (!tally.indexSeen) {
            problems.add(0, ArchiveEntryNames.INDEX, "交換用基本情報ファイル（ix08_V08.xml）がありません",
                    "the index file ix08_V08.xml is missing");
        } else if (tally.indexCount != null && tally.indexCount != tally.documents) {
            problems.add(0, ArchiveEntryNames.INDEX + "/totalRecordCount/@value",
                    "総ファイル数 " + tally.indexCount + " と DATA の文書数 " + tally.documents + " が一致しません",
                    "the index counts " + tally.indexCount + " documents, DATA holds " + tally.documents);
        }
        if (!tally.summarySeen) {
            problems.add(0, ArchiveEntryNames.SUMMARY, "集計情報ファイル（su08_V08.xml）がありません",
                    "the summary file su08_V08.xml is missing");
        } else if (tally.summaryCount != null && tally.summaryCount != tally.documents) {
            problems.add(0, ArchiveEntryNames.SUMMARY + "/totalSubjectCount/@value",
                    "受診者数 " + tally.summaryCount + " と DATA の文書数 " + tally.documents + " が一致しません",
                    "the summary counts " + tally.summaryCount + " persons, DATA holds " + tally.documents);
        }
    }
}
