package jp.mynahealth.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import jp.mynahealth.common.database.ImporterDataSource;
import jp.mynahealth.importer.ImportReport.Outcome;

/**
 * The one door into the read store. Each file is one transaction: it is read, staged and checked
 * whole, and only a file without a single invalid record is committed; a file whose bytes were
 * imported before (same SHA-256) changes nothing. A crash or kill in the middle leaves nothing,
 * because nothing is committed before the end.
 */
@Component
public class FeedImporter {

    private static final Logger log = LoggerFactory.getLogger(FeedImporter.class);

    private final DataSource dataSource;
    private final Map<FeedKind, FeedLoader> loaders = new EnumMap<>(FeedKind.class);

    /** With the importer's own login: the only one the database lets write the read store. */
    FeedImporter(ImporterDataSource importerDataSource, List<FeedLoader> loaders) {
        this.dataSource = importerDataSource.dataSource();
        loaders.forEach(loader -> this.loaders.put(loader.kind(), loader));
    }

    /** Imports files and the files of folders (not recursively), masters first; one report a file. */
    public List<ImportReport> importAll(List<Path> paths, boolean dryRun, ProgressFactory progress) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listed = Files.list(path)) {
                    listed.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> !p.getFileName().toString().endsWith(ReportFiles.SUFFIX))
                            .forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        List<Map.Entry<Path, Optional<FeedKind>>> ordered = new ArrayList<>();
        for (Path file : files) {
            ordered.add(Map.entry(file, Files.isRegularFile(file) ? FeedKinds.detect(file) : Optional.empty()));
        }
        ordered.sort(Comparator.<Map.Entry<Path, Optional<FeedKind>>>comparingInt(
                e -> e.getValue().map(Enum::ordinal).orElse(-1)).thenComparing(e -> e.getKey().getFileName().toString()));
        return importInTurn(ordered, dryRun, progress);
    }

    /**
     * Files are applied one after the other in their order, but a claims or checkup file is read,
     * staged, checked and matched (its own connection, its own transaction) while the file before
     * it writes and commits: on two cores that keeps both busy. At most two files are in flight.
     */
    private List<ImportReport> importInTurn(List<Map.Entry<Path, Optional<FeedKind>>> ordered, boolean dryRun,
            ProgressFactory progress) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(2, new CustomizableThreadFactory("import-"));
        try {
            List<Future<ImportReport>> reports = new ArrayList<>();
            CompletableFuture<Void> mayStart = CompletableFuture.completedFuture(null);
            CompletableFuture<Void> previousDone = CompletableFuture.completedFuture(null);
            for (Map.Entry<Path, Optional<FeedKind>> entry : ordered) {
                Path file = entry.getKey();
                CompletableFuture<Void> start = mayStart;
                CompletableFuture<Void> earlierDone = previousDone;
                CompletableFuture<Void> applying = new CompletableFuture<>();
                CompletableFuture<Void> done = new CompletableFuture<>();
                reports.add(workers.submit(() -> {
                    try {
                        start.join();
                        return importFile(file, dryRun, progress.forFile(file), () -> {
                            applying.complete(null);
                            earlierDone.join();
                        });
                    } finally {
                        applying.complete(null);
                        done.complete(null);
                    }
                }));
                mayStart = entry.getValue().map(FeedKind::stagesAhead).orElse(false) ? applying : done;
                previousDone = done;
            }
            List<ImportReport> results = new ArrayList<>();
            for (Future<ImportReport> report : reports) {
                results.add(report.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while importing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    public ImportReport importFile(Path file, boolean dryRun) {
        return importFile(file, dryRun, ImportProgress.NONE);
    }

    public ImportReport importFile(Path file, boolean dryRun, ImportProgress progress) {
        return importFile(file, dryRun, progress, () -> {
        });
    }

    /** {@code turn} waits until the file may apply (the earlier file of the run is done). */
    private ImportReport importFile(Path file, boolean dryRun, ImportProgress progress, Runnable turn) {
        long began = System.nanoTime();
        FeedKind kind = null;
        byte[] hash = null;
        try {
            if (!Files.isRegularFile(file)) {
                return refused(file, null, null, began, Problem.ofFile("ファイルがありません", "no such file"));
            }
            kind = FeedKinds.detect(file).orElse(null);
            if (kind == null) {
                return refused(file, null, null, began, Problem.ofFile(
                        "取り込める形式のファイルではありません（レセプト電算、特定健診アーカイブ、医薬品マスター、電子処方箋のJSON Lines、または仕様どおりの見出し行のCSV）",
                        "not a file the importer knows (claims, checkup archive, drug master, e-prescription JSON Lines, or a CSV with a documented header)"));
            }
            hash = sha256(file);
            return load(file, kind, hash, dryRun, progress, began, turn);
        } catch (RefusedFileException e) {
            return refused(file, kind, hash, began, e.problems());
        } catch (IOException e) {
            log.warn("Import of {} failed reading it: {}", file, e.toString());
            return refused(file, kind, hash, began, Problem.ofFile("ファイルを読めませんでした: " + e.getMessage(),
                    "the file could not be read: " + e.getMessage()));
        }
    }

    private ImportReport load(Path file, FeedKind kind, byte[] hash, boolean dryRun, ImportProgress progress, long began,
            Runnable turn) throws IOException {
        FeedLoader loader = loaders.get(kind);
        log.info("Importing {} ({}, {} bytes{})", file.getFileName(), kind.dbName(), Files.size(file), dryRun ? ", dry run" : "");
        Connection opened;
        try {
            opened = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreUnavailableException("the read store cannot be reached: " + e.getMessage(), e);
        }
        try (Connection connection = opened) {
            connection.setAutoCommit(false);
            try {
                ImportSession session = new ImportSession(connection, hash, file, progress, turn);
                // Staged files are joined and sorted whole: give this transaction the memory for it.
                session.execute("set local work_mem = '64MB'");
                // Two deliveries of the same bytes at once: the second waits, then finds the first.
                session.jdbc().sql("select pg_advisory_xact_lock(:key)").param("key", ByteBuffer.wrap(hash).getLong())
                        .query().singleRow();
                boolean seen = session.jdbc().sql("select exists (select 1 from records.import_file where file_hash = :hash)")
                        .param("hash", hash).query(Boolean.class).single();
                if (seen) {
                    connection.rollback();
                    return new ImportReport(file, kind, Outcome.ALREADY_IMPORTED, hash, 0, 0, Map.of(), List.of(),
                            took(began));
                }
                session.jdbc().sql("""
                        insert into records.import_file (file_hash, file_name, kind, records)
                        values (:hash, :name, :kind, 0)
                        """).param("hash", hash).param("name", file.getFileName().toString()).param("kind", kind.dbName())
                        .update();
                if (!kind.stagesAhead()) {
                    session.beginApply();
                }
                long records;
                try (InputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                        bytes -> progress.advanced(bytes, session.recordsRead()))) {
                    records = loader.load(in, session);
                }
                session.beginApply();
                session.jdbc().sql("update records.import_file set records = :records, unmatched = :unmatched where file_hash = :hash")
                        .param("records", records).param("unmatched", session.unmatched()).param("hash", hash).update();
                progress.advanced(Files.size(file), records);
                // Counted before a dry run rolls them back.
                Map<String, Long> reasons = new java.util.TreeMap<>();
                if (session.unmatched() > 0) {
                    session.jdbc().sql("select reason, count(*) from records.unmatched where file_hash = :hash group by reason")
                            .param("hash", hash).query((row, n) -> reasons.put(row.getString(1), row.getLong(2))).list();
                }
                if (dryRun) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
                session.phase("commit");
                ImportReport report = new ImportReport(file, kind, dryRun ? Outcome.VALIDATED : Outcome.IMPORTED, hash,
                        records, session.unmatched(), reasons, List.of(), took(began));
                log.info("{}", report.summary());
                log.debug("{} steps: {}", file.getFileName(), session.phases());
                return report;
            } catch (IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (RefusedFileException e) {
            throw e;
        } catch (DataAccessException | SQLException | IllegalStateException e) {
            // A constraint of the store caught what the checks let through: still the file's fault,
            // and still nothing of it is kept.
            log.warn("Import of {} refused by the database: {}", file, e.getMessage());
            String reason = ImportReport.rootMessage(e);
            return refused(file, kind, hash, began, Problem.ofFile("データベースが内容を受け付けませんでした: " + reason,
                    "the read store refused the content: " + reason));
        }
    }

    private ImportReport refused(Path file, FeedKind kind, byte[] hash, long began, Problem problem) {
        return refused(file, kind, hash, began, List.of(problem));
    }

    private ImportReport refused(Path file, FeedKind kind, byte[] hash, long began, List<Problem> problems) {
        ImportReport report = new ImportReport(file, kind, Outcome.REFUSED, hash, 0, 0, Map.of(), problems, took(began));
        log.warn("{}", report.summary());
        return report;
    }


    private static Duration took(long began) {
        return Duration.ofNanos(System.nanoTime() - began);
    }

    static byte[] sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the progress listener of each file of a run. */
    @FunctionalInterface
    public interface ProgressFactory {
        ProgressFactory NONE = file -> ImportProgress.NONE;

        ImportProgress forFile(Path file);
    }
}
