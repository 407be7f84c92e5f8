package jp.mynahealth.importer.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.common.database.ImporterDataSource;
import jp.mynahealth.importer.FeedImporter;
import jp.mynahealth.importer.ImportReport;

/**
 * Fills the read store with generated citizens the way a real store is filled: the generator
 * writes the standard files (masters, qualification events, claims, checkup archives, provisions,
 * vaccination records) into a folder and the importer takes them through its one door, a transaction a file.
 */
@Component
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    /** Serialises loaders of several processes that start against one empty store at once. */
    private static final long LOAD_LOCK = 0x6d796e61L;

    private final DataSource dataSource;
    private final FeedImporter importer;
    private final DataFolder data;
    private final Clock clock;

    DemoDataLoader(ImporterDataSource importerDataSource, FeedImporter importer, DataFolder data, Clock clock) {
        this.dataSource = importerDataSource.dataSource();
        this.importer = importer;
        this.data = data;
        this.clock = clock;
    }

    /** What a load imported, and how long it took. */
    public record LoadReport(long persons, long records, List<ImportReport> files, Duration took) {
    }

    /** Loads the 見本 family and {@code others} random people if the store holds nobody yet. */
    public boolean loadDemoSetIfEmpty(long seed, int others) {
        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            statement.execute("select pg_advisory_lock(" + LOAD_LOCK + ")");
            try {
                try (var rows = statement.executeQuery("select not exists (select 1 from records.person)")) {
                    rows.next();
                    if (!rows.getBoolean(1)) {
                        return false;
                    }
                }
                LoadReport report = load(data.resolve("demo-feed"), seed, others, 0, true);
                log.info("Loaded the demo set through the importer: {} persons, {} records from {} files in {} ms",
                        report.persons(), report.records(), report.files().size(), report.took().toMillis());
                return true;
            } finally {
                statement.execute("select pg_advisory_unlock(" + LOAD_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the demo set: " + e.getMessage(), e);
        }
    }

    /** Writes the files for {@code persons} generated people (without the 見本 family) and imports them. */
    public LoadReport generate(long seed, int persons) {
        return load(data.resolve("bulk-feed-" + seed), seed, persons, 1_000_000, false);
    }

    /** Writes the files only, for a benchmark or to inspect them. */
    public static long writeFeed(Path folder, long seed, int persons, long firstHousehold, boolean showcase,
            LocalDate asOf) {
        try {
            clean(folder);
            DemoDataGenerator generator = new DemoDataGenerator(seed, asOf);
            try (DemoFeedWriter writer = new DemoFeedWriter(folder, asOf)) {
                if (showcase) {
                    generator.generateShowcase(writer);
                }
                generator.generatePersons(persons, firstHousehold, writer);
                return writer.withoutCoverage();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo files into " + folder, e);
        }
    }

    private LoadReport load(Path folder, long seed, int persons, long firstHousehold, boolean showcase) {
        long began = System.nanoTime();
        writeFeed(folder, seed, persons, firstHousehold, showcase, LocalDate.now(clock));
        try {
            List<ImportReport> reports = importer.importAll(List.of(folder), false, FeedImporter.ProgressFactory.NONE);
            List<ImportReport> refused = reports.stream().filter(ImportReport::refused).toList();
            if (!refused.isEmpty()) {
                throw new IllegalStateException("The generated files were refused: " + refused.get(0).summary());
            }
            long records = reports.stream().mapToLong(ImportReport::records).sum();
            long people = reports.stream().filter(r -> r.kind() == jp.mynahealth.importer.FeedKind.QUALIFICATIONS).count();
            return new LoadReport(people == 0 ? 0 : persons + (showcase ? 4 : 0), records, reports,
                    Duration.ofNanos(System.nanoTime() - began));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot import the demo files from " + folder, e);
        }
    }

    private static void clean(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(folder)) {
                        Files.delete(path);
                    }
                }
            }
        }
        Files.createDirectories(folder);
    }
}
