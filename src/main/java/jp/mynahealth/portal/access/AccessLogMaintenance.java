package jp.mynahealth.portal.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the access log's months made ahead (daily) and writes a signed checkpoint of the chain
 * heads every {@code myna.access-log.checkpoint-interval}, in files outside the database.
 */
@Component
public class AccessLogMaintenance {

    private static final Logger log = LoggerFactory.getLogger(AccessLogMaintenance.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final String INSTANCE = UUID.randomUUID().toString().substring(0, 8);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessLogProperties properties;
    private final PrivateKey signingKey;

    AccessLogMaintenance(JdbcClient jdbc, Clock clock, AccessLogProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.signingKey = CheckpointKeys.loadOrCreatePrivate(properties.signingKeyFile(), properties.publicKeyFile());
    }

    /** This month and the next three exist, made by the owner's function (the portal creates no tables). */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 7 3 * * *", zone = "Asia/Tokyo")
    public void makeMonthsAhead() {
        LocalDate month = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo"))).withDayOfMonth(1);
        Integer made = jdbc.sql("select portal.access_log_add_partitions(:month, 4)").param("month", Date.valueOf(month))
                .query(Integer.class).single();
        if (made != null && made > 0) {
            log.info("Access log: {} monthly partition(s) made from {}", made, month);
        }
    }

    @Scheduled(initialDelayString = "${myna.access-log.checkpoint-interval}", fixedDelayString = "${myna.access-log.checkpoint-interval}")
    public void scheduledCheckpoint() {
        try {
            writeCheckpoint();
        } catch (RuntimeException e) {
            // The next interval tries again; the log itself is not affected.
            log.error("Access log checkpoint failed: {}", e.toString());
        }
    }

    /** Reads every chain's head in one snapshot, signs them and writes the file; returns its path. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Path writeCheckpoint() {
        Map<Integer, Checkpoint.Head> heads = new LinkedHashMap<>();
        jdbc.sql("select chain_id, chain_seq, row_hash from portal.access_log_chain order by chain_id")
                .query((row, n) -> heads.put(row.getInt(1), new Checkpoint.Head(row.getLong(2), row.getBytes(3)))).list();
        Instant now = clock.instant();
        String text = new Checkpoint(now, heads).signedText(signingKey);
        Path folder = properties.checkpointDir();
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("checkpoint-" + FILE_TIME.format(now) + "-" + INSTANCE + ".txt");
            Path temporary = Files.createTempFile(folder, ".checkpoint", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            log.debug("Access log checkpoint written: {}", file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write an access log checkpoint into " + folder, e);
        }
    }
}
