package jp.mynahealth.portal.access;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.common.CommonConfiguration;

/**
 * Walks the access log's hash chain in the order rows were appended and names the first row whose
 * link or content does not match: an edited row breaks its own hash, a deleted one breaks the next
 * row's link. {@code --verify-access-log}.
 */
public final class AccessLogVerifier {

    /** The first broken row, if any: its place in the chain, its log id, and what is wrong. */
    public record Result(long rowsChecked, Optional<Break> firstBreak) {
    }

    public record Break(long chainSeq, long logId, String reason) {
    }

    private final JdbcClient jdbc;

    public AccessLogVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Result verify() {
        record Row(long seq, long id, byte[] prev, byte[] hash, boolean contentMatches) {
        }
        long[] checked = { 0 };
        byte[][] previous = { null };
        long[] expectedSeq = { 1 };
        Break[] found = { null };
        jdbc.sql("""
                select chain_seq, log_id, prev_hash, row_hash,
                       row_hash = portal.access_log_hash(prev_hash, portal.access_log_content(log_id, person_id, occurred_at,
                                  action, channel, terminal_id, result)) as content_matches
                from portal.access_log
                order by chain_seq
                """)
                .query(rs -> {
                    if (found[0] != null) {
                        return;
                    }
                    Row row = new Row(rs.getLong("chain_seq"), rs.getLong("log_id"), rs.getBytes("prev_hash"),
                            rs.getBytes("row_hash"), rs.getBoolean("content_matches"));
                    checked[0]++;
                    if (row.seq() != expectedSeq[0]) {
                        found[0] = new Break(row.seq(), row.id(), "row(s) " + expectedSeq[0] + " to " + (row.seq() - 1)
                                + " of the chain are missing");
                    } else if (!Arrays.equals(row.prev(), previous[0])) {
                        found[0] = new Break(row.seq(), row.id(), "its link does not match the row before it");
                    } else if (!row.contentMatches()) {
                        found[0] = new Break(row.seq(), row.id(), "its content was changed after it was written");
                    }
                    previous[0] = row.hash();
                    expectedSeq[0] = row.seq() + 1;
                });
        return new Result(checked[0], Optional.ofNullable(found[0]));
    }

    public static boolean isRequested(String... args) {
        return Arrays.asList(args).contains("--verify-access-log");
    }

    /** Returns the exit code: 0 intact, 1 broken (the first broken row printed). */
    public static int run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(args)) {
            Result result = new AccessLogVerifier(context.getBean(JdbcClient.class)).verify();
            if (result.firstBreak().isEmpty()) {
                System.out.printf("Access log intact: %,d rows, every link and hash matches%n", result.rowsChecked());
                return 0;
            }
            Break broken = result.firstBreak().get();
            System.out.printf("Access log BROKEN at chain row %d (log id %d): %s%n", broken.chainSeq(), broken.logId(),
                    broken.reason());
            return 1;
        }
    }
}
