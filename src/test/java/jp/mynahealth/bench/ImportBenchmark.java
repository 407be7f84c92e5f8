package jp.mynahealth.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.common.CommonConfiguration;
import jp.mynahealth.importer.FeedImporter;
import jp.mynahealth.importer.ImportReport;
import jp.mynahealth.importer.claims.ClaimDrug;
import jp.mynahealth.importer.claims.ClaimFileHeader;
import jp.mynahealth.importer.claims.ClaimForm;
import jp.mynahealth.importer.claims.ClaimReceipt;
import jp.mynahealth.importer.claims.ClaimsWriter;
import jp.mynahealth.support.StoreLogins;

/**
 * The importer's benchmark, in one warm JVM (e2e/bench/import.sh runs it):
 * {@code ImportBenchmark <data folder> <feed folder> [Spring arguments…]} imports the masters and qualification events
 * (not timed), a year of older claims and checkups to warm the JVM (printed, not counted), then
 * times the last 12 monthly claims files and the last whole year's checkup archive; then, in the
 * same run, COPYs (FROM STDIN, what psql's \copy sends) the same kind of rows into empty tables
 * shaped like the store's (indexes included) and prints both rates and the process's peak RSS.
 * {@code ImportBenchmark --big-claims <file> <bytes> <feed folder>} writes one claims file of at
 * least that size, receipt after receipt, for the memory check.
 */
public final class ImportBenchmark {

    private static final List<String> TABLES = List.of("claim_receipt", "cost_notice", "dispensing", "checkup", "checkup_result");

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--big-claims")) {
            writeBigClaims(Path.of(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
            return;
        }
        Path data = Path.of(args[0]);
        Path feed = Path.of(args[1]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .run(Stream.concat(Stream.of("--myna.data-dir=" + data, "--myna.demo.enabled=false", "--myna.import.inbox=",
                        "--logging.level.root=WARN"), Arrays.stream(args).skip(2)).toArray(String[]::new))) {
            FeedImporter importer = context.getBean(FeedImporter.class);
            // Counting every table and making the raw COPY's twins is the owner's business, not the importer's.
            DataSource owner = StoreLogins.owner(context);
            JdbcClient jdbc = JdbcClient.create(owner);
            importAll(importer, List.of(feed.resolve("insurers.csv"), feed.resolve("institutions.csv"), feed.resolve("y.csv"), feed.resolve("s.csv"),
                    feed.resolve("qualifications.csv")));
            List<Path> claims = list(feed, "claims-", ".UKE");
            List<Path> archives = list(feed, "checkups-", ".zip");
            List<Path> warmUp = new ArrayList<>(claims.subList(Math.max(0, claims.size() - 24), claims.size() - 12));
            warmUp.add(archives.get(archives.size() - 3));
            List<Path> timed = new ArrayList<>(claims.subList(claims.size() - 12, claims.size()));
            timed.add(archives.get(archives.size() - 2));

            long began = System.nanoTime();
            long warmRows = rows(jdbc);
            importAll(importer, warmUp);
            System.out.printf("warm-up (not counted): %d files, %,d rows in %.1f s%n", warmUp.size(), rows(jdbc) - warmRows,
                    (System.nanoTime() - began) / 1e9);

            long before = rows(jdbc);
            began = System.nanoTime();
            long records = importAll(importer, timed);
            double seconds = (System.nanoTime() - began) / 1e9;
            long written = rows(jdbc) - before;
            double importRate = written / seconds;
            System.out.printf("importer: %d files (%s … %s), %,d records read, %,d rows written in %.1f s = %,.0f rows/s%n",
                    timed.size(), timed.get(0).getFileName(), timed.get(timed.size() - 1).getFileName(), records, written,
                    seconds, importRate);
            double copyRate = rawCopy(owner, data);
            System.out.printf("importer / raw COPY = %.2f (target at least 0.5)%n", importRate / copyRate);
        }
        System.out.printf("peak RSS of this process (importer and COPY): %d MB%n", peakRssKb() / 1024);
    }

    private static long importAll(FeedImporter importer, List<Path> files) throws IOException {
        long records = 0;
        for (ImportReport report : importer.importAll(files, false, FeedImporter.ProgressFactory.NONE)) {
            if (report.refused()) {
                throw new IllegalStateException(report.summary());
            }
            records += report.records();
        }
        return records;
    }

    /** All the rows the store holds for claims and checkups are copied out, then COPYed into empty twins. */
    private static double rawCopy(DataSource dataSource, Path data) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Path dump = Files.createTempDirectory(data, "copy");
            long rows = 0;
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dump.resolve(table)))) {
                        rows += copy.copyOut("copy records." + table + " to stdout", out);
                    }
                    statement.execute("drop table if exists public.raw_" + table);
                    statement.execute("create table public.raw_" + table + " (like records." + table
                            + " including defaults including indexes)");
                }
            }
            connection.setAutoCommit(false);
            long began = System.nanoTime();
            for (String table : TABLES) {
                try (InputStream in = Files.newInputStream(dump.resolve(table))) {
                    copy.copyIn("copy public.raw_" + table + " from stdin", in);
                }
            }
            connection.commit();
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("raw COPY of %,d rows of the same tables into empty ones (indexes included): %.1f s = %,.0f rows/s%n",
                    rows, seconds, rows / seconds);
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.execute("drop table public.raw_" + table);
                    Files.delete(dump.resolve(table));
                }
            }
            connection.commit();
            Files.delete(dump);
            return rows / seconds;
        }
    }

    private static long rows(JdbcClient jdbc) {
        return jdbc.sql("""
                select (select count(*) from records.claim_receipt) + (select count(*) from records.cost_notice)
                     + (select count(*) from records.dispensing) + (select count(*) from records.checkup)
                     + (select count(*) from records.checkup_result)
                """).query(Long.class).single();
    }

    private static List<Path> list(Path folder, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        }
    }

    static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /**
     * A payer's delivery of at least {@code size} bytes: 調剤 receipts of made-up insured people (so
     * they all match nobody) at the feed's pharmacies, three drug lines each, every receipt distinct.
     */
    public static void writeBigClaims(Path file, long size, Path feed) throws IOException {
        List<String> drugs = new ArrayList<>();
        for (String line : Files.readAllLines(feed.resolve("y.csv"), Charset.forName("Shift_JIS"))) {
            drugs.add(line.split(",")[2]);
        }
        List<String> pharmacies = new ArrayList<>();
        List<String> clinics = new ArrayList<>();
        for (String line : Files.readAllLines(feed.resolve("institutions.csv"), StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (f[2].equals("薬局")) {
                pharmacies.add(f[0]);
            } else if (f[2].equals("診療所")) {
                clinics.add(f[0]);
            }
        }
        String insurer = Files.readAllLines(feed.resolve("insurers.csv"), StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.split(",")[0]).filter(number -> number.length() == 8).findFirst().orElseThrow();
        YearMonth month = YearMonth.of(2026, 1);
        long person = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            int block = 0;
            while (Files.size(file) < size) {
                String pharmacy = pharmacies.get(block % pharmacies.size());
                String clinic = clinics.get(block % clinics.size());
                try (ClaimsWriter writer = new ClaimsWriter(out, new ClaimFileHeader(ClaimForm.PHARMACY, pharmacy, "ベンチ薬局",
                        month.plusMonths(1)))) {
                    for (int i = 0; i < 200_000; i++, person++) {
                        List<ClaimDrug> lines = new ArrayList<>();
                        for (int d = 0; d < 3; d++) {
                            lines.add(new ClaimDrug(0, 0, month.atDay(1 + (int) (person % 28)), clinic,
                                    drugs.get((int) ((person + d) % drugs.size())), BigDecimal.valueOf(28), 28, "1日1回朝食後",
                                    "内服"));
                        }
                        writer.receipt(new ClaimReceipt(0, 0, "調剤", month, insurer, "9999", String.valueOf(10_000_000 + person),
                                "00", "ベンチ　タロウ", LocalDate.of(1970, 1, 1), 1, 1, 1200, 0, 3600, false), lines);
                    }
                }
                out.flush();
                block++;
            }
        }
    }
}
