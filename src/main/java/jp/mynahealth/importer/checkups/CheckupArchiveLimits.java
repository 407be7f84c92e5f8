package jp.mynahealth.importer.checkups;

/**
 * What a checkup archive may cost the reader before it is refused. Sizes are counted while
 * inflating, never taken from the zip headers, which the sender writes.
 *
 * @param maxEntryBytes      uncompressed bytes of one entry (a CDA is ~10 KiB; 4 MiB leaves room for 問診 text)
 * @param maxTotalBytes      uncompressed bytes of the whole archive
 * @param maxEntries         entries of any kind (DATA, CLAIMS, XSD, folders)
 * @param maxCompressionRatio uncompressed per compressed byte of one entry; CDA XML deflates ~10–30:1
 * @param maxProblems        problems collected before the reader stops and refuses
 */
public record CheckupArchiveLimits(long maxEntryBytes, long maxTotalBytes, int maxEntries, int maxCompressionRatio,
        int maxProblems) {

    /** 500,000 documents with their claims and schemas fit; a bomb or a runaway archive does not. */
    public static final CheckupArchiveLimits DEFAULT = new CheckupArchiveLimits(4L << 20, 32L << 30, 2_100_000, 200, 100);

    /** The ratio is judged only past this many inflated bytes: tiny entries have meaningless ratios. */
    static final long RATIO_GRACE_BYTES = 64 << 10;
}
