package jp.mynahealth.importer.checkups;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipInputStream;

/**
 * Inflates the current zip entry while counting: its size, the archive's total, and the ratio of
 * inflated to compressed bytes, so a bomb is stopped after at most one buffer past a limit. Zip
 * headers state sizes too, but the sender writes them; only counted bytes are believed.
 */
final class ArchiveEntryReader {

    private static final int BUFFER = 8192;

    private final ZipInputStream zip;
    private final CountingInputStream raw;
    private final CheckupArchiveLimits limits;
    private final ProblemCollector problems;
    private final byte[] buffer = new byte[BUFFER];
    private long totalBytes;

    ArchiveEntryReader(ZipInputStream zip, CountingInputStream raw, CheckupArchiveLimits limits,
            ProblemCollector problems) {
        this.zip = zip;
        this.raw = raw;
        this.limits = limits;
        this.problems = problems;
    }

    /** The entry's bytes, for an XML file the reader parses. */
    byte[] readAll(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER);
        inflate(name, out);
        return out.toByteArray();
    }

    /** Reads past an entry the reader does not use (claims, schemas), still within the limits. */
    void skip(String name) throws IOException {
        inflate(name, null);
    }

    private void inflate(String name, ByteArrayOutputStream out) throws IOException {
        long rawStart = raw.count();
        long size = 0;
        byte[] head = new byte[4];
        int headLength = 0;
        boolean headChecked = false;
        int n;
        while ((n = zip.read(buffer, 0, BUFFER)) > 0) {
            if (!headChecked) {
                int take = Math.min(n, head.length - headLength);
                System.arraycopy(buffer, 0, head, headLength, take);
                headLength += take;
                if (headLength == head.length) {
                    refuseNestedArchive(name, head);
                    headChecked = true;
                }
            }
            size += n;
            totalBytes += n;
            if (size > limits.maxEntryBytes()) {
                throw problems.fatal(0, name, "ファイルの展開後の大きさが上限（" + limits.maxEntryBytes() + "バイト）を超えています",
                        "the entry inflates to more than " + limits.maxEntryBytes() + " bytes");
            }
            if (totalBytes > limits.maxTotalBytes()) {
                throw problems.fatal(0, name, "アーカイブの展開後の合計が上限（" + limits.maxTotalBytes() + "バイト）を超えています",
                        "the archive inflates to more than " + limits.maxTotalBytes() + " bytes in total");
            }
            long compressed = Math.max(1, raw.count() - rawStart);
            if (size > CheckupArchiveLimits.RATIO_GRACE_BYTES && size / compressed > limits.maxCompressionRatio()) {
                throw problems.fatal(0, name, "圧縮率が異常です（圧縮爆弾の疑い）",
                        "the entry's compression ratio exceeds " + limits.maxCompressionRatio() + ":1 (a zip bomb)");
            }
            if (out != null) {
                out.write(buffer, 0, n);
            }
        }
    }

    /** An archive inside the archive would escape every limit counted here: none is expected. */
    private void refuseNestedArchive(String name, byte[] head) {
        boolean zipMagic = head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5 || head[2] == 7);
        boolean gzip = (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
        boolean sevenZip = head[0] == '7' && head[1] == 'z' && (head[2] & 0xFF) == 0xBC && (head[3] & 0xFF) == 0xAF;
        boolean rar = head[0] == 'R' && head[1] == 'a' && head[2] == 'r' && head[3] == '!';
        if (zipMagic || gzip || sevenZip || rar) {
            throw problems.fatal(0, name, "アーカイブの中に圧縮ファイルが入っています", "the entry is itself an archive");
        }
    }
}
