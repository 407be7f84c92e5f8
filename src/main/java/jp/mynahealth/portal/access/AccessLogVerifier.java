package jp.mynahealth.portal.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DataSourceUtils;

import jp.mynahealth.common.CommonConfiguration;

/**
 * Walks every chain of the access log in append order and names the first row whose place, link or
 * HMAC does not match (an edited row breaks its own hash — recomputing it needs the key the database
 * does not hold; a deleted row leaves a gap), then holds the chains against the newest signed
 * checkpoint of each: a chain that no longer reaches a checkpoint's head lost its tail.
 * {@code --verify-access-log}.
 */
public final class AccessLogVerifier {

    /** What was checked, and the first break if any. */
    public record Result(long rowsChecked, int checkpointsChecked, Optional<Break> firstBreak) {
    }

    /** Where the log stops being trustworthy: the chain, the row's place in it, its log id (0 if gone), and why. */
    public record Break(int chainId, long chainSeq, long logId, String reason) {
    }

    private record Reached(long seq, byte[] hash, Instant written) {
    }

    private final DataSource dataSource;
    private final ChainKey key;
    private final PublicKey checkpointKey;
    private final Path checkpointDir;

    AccessLogVerifier(DataSource dataSource, ChainKey key, PublicKey checkpointKey, Path checkpointDir) {
        this.dataSource = dataSource;
        this.key = key;
        this.checkpointKey = checkpointKey;
        this.checkpointDir = checkpointDir;
    }

    /** With the keys the portal uses; the verifier never makes keys (a missing key is an error). */
    public static AccessLogVerifier of(DataSource dataSource, AccessLogProperties properties) {
        PublicKey publicKey = Files.exists(properties.publicKeyFile()) ? CheckpointKeys.loadPublic(properties.publicKeyFile())
                : null;
        return new AccessLogVerifier(dataSource, ChainKey.load(properties.keyFile()), publicKey, properties.checkpointDir());
    }

    public Result verify() {
        List<Break> breaks = new ArrayList<>();
        Map<Integer, Reached> reached = new HashMap<>();
        int checkpoints = readCheckpoints(reached, breaks);
        long rows = walkChains(reached, breaks);
        return new Result(rows, checkpoints, breaks.stream().findFirst());
    }

    /** The newest head each chain reached in any correctly signed checkpoint. */
    private int readCheckpoints(Map<Integer, Reached> reached, List<Break> breaks) {
        if (!Files.isDirectory(checkpointDir)) {
            return 0;
        }
        int count = 0;
        try (Stream<Path> files = Files.list(checkpointDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).sorted().toList()) {
                count++;
                if (checkpointKey == null) {
                    breaks.add(new Break(0, 0, 0, "checkpoint " + file.getFileName() + " cannot be checked: no public key"));
                    continue;
                }
                try {
                    Checkpoint checkpoint = Checkpoint.parse(Files.readString(file, StandardCharsets.UTF_8), checkpointKey);
                    checkpoint.heads().forEach((chain, head) -> {
                        Reached known = reached.get(chain);
                        if (head.seq() > 0 && (known == null || known.seq() < head.seq())) {
                            reached.put(chain, new Reached(head.seq(), head.hash(), checkpoint.written()));
                        }
                    });
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    breaks.add(new Break(0, 0, 0, "checkpoint " + file.getFileName() + " is not genuine: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoints in " + checkpointDir, e);
        }
        return count;
    }

    private long walkChains(Map<Integer, Reached> reached, List<Break> breaks) {
        long rows = 0;
        Map<Integer, Long> ends = new HashMap<>();
        // Streamed with a fetch size (the log may hold millions of rows), which needs a transaction:
        // the caller's if there is one (so a test sees what it changed), else one of its own.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        boolean own = !DataSourceUtils.isConnectionTransactional(connection, dataSource);
        try {
            if (own) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    select chain_id, chain_seq, log_id, person_id, occurred_at, action, channel, terminal_id, result, prev_hash,
                           row_hash, actor_id,
                           chain_id = -1 and row_hash = portal.access_log_hash(prev_hash, portal.access_log_content(log_id,
                               person_id, occurred_at, action, channel, terminal_id, result)) as legacy_matches
                    from portal.access_log
                    order by chain_id, chain_seq
                    """)) {
                statement.setFetchSize(10_000);
                try (ResultSet row = statement.executeQuery()) {
                    int chain = Integer.MIN_VALUE;
                    long expected = 1;
                    byte[] previous = null;
                    while (row.next()) {
                        rows++;
                        int rowChain = row.getInt("chain_id");
                        if (rowChain != chain) {
                            chain = rowChain;
                            expected = 1;
                            previous = null;
                        }
                        long seq = row.getLong("chain_seq");
                        long logId = row.getLong("log_id");
                        byte[] hash = row.getBytes("row_hash");
                        if (seq != expected) {
                            breaks.add(new Break(chain, seq, logId, seq > expected
                                    ? "row(s) " + expected + " to " + (seq - 1) + " of chain " + chain + " are missing"
                                    : "row " + seq + " of chain " + chain + " appears twice"));
                        } else if (!Arrays.equals(row.getBytes("prev_hash"), previous)) {
                            breaks.add(new Break(chain, seq, logId, "its link does not match the row before it"));
                        } else if (!hashMatches(row, chain, seq, logId, previous, hash)) {
                            breaks.add(new Break(chain, seq, logId, "its content was changed after it was written"));
                        }
                        Reached checkpoint = reached.get(chain);
                        if (checkpoint != null && checkpoint.seq() == seq && !Arrays.equals(checkpoint.hash(), hash)) {
                            breaks.add(new Break(chain, seq, logId, "it differs from the checkpoint written " + checkpoint.written()
                                    + ": the chain was rewritten"));
                        }
                        previous = hash;
                        expected = seq + 1;
                        ends.put(chain, seq);
                    }
                }
            } finally {
                if (own) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the access log: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        reached.forEach((chain, checkpoint) -> {
            long end = ends.getOrDefault(chain, 0L);
            if (end < checkpoint.seq()) {
                breaks.add(new Break(chain, end + 1, 0, "chain " + chain + " ends at row " + end + ", but the checkpoint written "
                        + checkpoint.written() + " had reached row " + checkpoint.seq() + ": rows were removed"));
            }
        });
        return rows;
    }

    private boolean hashMatches(ResultSet row, int chain, long seq, long logId, byte[] previous, byte[] hash)
            throws SQLException {
        if (chain == AccessLogChains.LEGACY) {
            return row.getBoolean("legacy_matches");
        }
        String content = AccessLogChains.content(chain, seq, logId, row.getObject("person_id", UUID.class),
                row.getTimestamp("occurred_at").toInstant(), row.getString("action"), row.getString("channel"),
                row.getString("terminal_id"), row.getString("result"), row.getObject("actor_id", UUID.class));
        return java.security.MessageDigest.isEqual(key.rowHash(previous, content), hash);
    }

    public static boolean isRequested(String... args) {
        return Arrays.asList(args).contains("--verify-access-log");
    }

    /** Returns the exit code: 0 intact, 1 broken (the first break printed). */
    public static int run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(args)) {
            AccessLogProperties properties = AccessLogProperties.from(context.getEnvironment());
            Result result = of(context.getBean(DataSource.class), properties).verify();
            if (result.firstBreak().isEmpty()) {
                System.out.printf("Access log intact: %,d rows, every link and HMAC matches; %d signed checkpoint(s) reached%n",
                        result.rowsChecked(), result.checkpointsChecked());
                if (result.checkpointsChecked() == 0) {
                    System.out.println("No checkpoint yet: a removed tail could not be seen.");
                }
                return 0;
            }
            Break broken = result.firstBreak().get();
            System.out.printf("Access log BROKEN at chain %d row %d (log id %d): %s%n", broken.chainId(), broken.chainSeq(),
                    broken.logId(), broken.reason());
            return 1;
        }
    }
}
