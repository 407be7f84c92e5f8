package jp.mynahealth.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.mynahealth.bench.ImportBenchmark;
import jp.mynahealth.common.database.EmbeddedPostgresServer;
import jp.mynahealth.importer.demo.DemoDataLoader;

/**
 * {@code kill -9} of the import command in the middle of a large file leaves nothing of that file,
 * and importing it again gives a store identical (table digests, generated ids aside) to a run that
 * was never interrupted. The commands run as real processes, each with its own embedded PostgreSQL.
 */
class ImportKillTest {

    /** What each table holds, without the ids sequences hand out (a killed run uses some up). */
    private static final Map<String, String> CONTENT = new LinkedHashMap<>();

    static {
        CONTENT.put("person", "p.*");
        CONTENT.put("qualification", "person_id, insurer_number, symbol, number, branch, relationship, copay_percent, "
                + "valid_from, valid_to, limit_category");
        CONTENT.put("claim_receipt", "person_id, institution_code, prescriber_code, service_month, category, insurer_number, "
                + "symbol, number, branch, file_hash");
        CONTENT.put("dispensing", "person_id, dispensed_on, dispenser_code, prescriber_code, drug_code, drug_name, generic, "
                + "quantity, unit, usage, days, category");
        CONTENT.put("cost_notice", "person_id, service_month, institution_code, insurer_number, category, days, total_cost, "
                + "insurer_share, public_share, patient_share");
        CONTENT.put("unmatched", "file_hash, record_number, kind, reason, insurer_number, symbol, number, branch, name, "
                + "birth_date, service_date, content");
        CONTENT.put("import_file", "file_hash, file_name, kind, records, unmatched");
        CONTENT.put("data_as_of", "p.*");
    }

    @TempDir
    Path work;

    @Test
    void aKilledImportLeavesNothingAndARerunEqualsACleanRun() throws Exception {
        Path feed = work.resolve("feed");
        DemoDataLoader.writeFeed(feed, 11, 200, 0, false, LocalDate.of(2026, 11, 24));
        Path big = work.resolve("delivery.UKE");
        ImportBenchmark.writeBigClaims(big, 60_000_000, feed);
        List<String> setup = new ArrayList<>();
        for (String name : List.of("insurers.csv", "institutions.csv", "y.csv", "s.csv", "qualifications.csv")) {
            setup.add(feed.resolve(name).toString());
        }
        try (var claims = Files.list(feed)) {
            claims.filter(f -> f.getFileName().toString().startsWith("claims-")).sorted().forEach(f -> setup.add(f.toString()));
        }

        Path killed = work.resolve("killed");
        assertThat(run(killed, setup)).isZero();
        Process interrupted = start(killed, List.of(big.toString()));
        waitFor(interrupted, "Importing delivery.UKE");
        Thread.sleep(500);
        interrupted.destroyForcibly();
        assertThat(interrupted.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> rerun = output(killed, List.of(big.toString()));
        assertThat(String.join("\n", rerun)).as("the killed run committed nothing of the file")
                .contains("delivery.UKE imported").doesNotContain("already imported");

        Path clean = work.resolve("clean");
        assertThat(run(clean, setup)).isZero();
        assertThat(run(clean, List.of(big.toString()))).isEqualTo(3);

        assertThat(digests(killed)).isEqualTo(digests(clean)).containsKey("unmatched");
    }

    private Map<String, String> digests(Path folder) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.in(folder.resolve("postgres"), false);
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.owner().username(),
                server.owner().password());
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : CONTENT.entrySet()) {
                try (ResultSet row = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t, '|' order by t)), '') "
                        + "from (select (" + table.getValue().replace("p.*", "p") + ")::text as t from records." + table.getKey()
                        + " p) rows")) {
                    row.next();
                    digests.put(table.getKey(), row.getString(1));
                }
            }
        }
        return digests;
    }

    private int run(Path data, List<String> files) throws Exception {
        Process process = start(data, files);
        drain(process);
        return process.waitFor();
    }

    private List<String> output(Path data, List<String> files) throws Exception {
        Process process = start(data, files);
        List<String> lines = drain(process);
        process.waitFor();
        return lines;
    }

    private static Process start(Path data, List<String> files) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), "jp.mynahealth.Application",
                "--myna.data-dir=" + data, "--import"));
        command.addAll(files);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static List<String> drain(Process process) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Reads the process's output until a line contains {@code marker} (at most two minutes). */
    private static void waitFor(Process process, String marker) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        String line;
        while (System.nanoTime() < deadline && (line = in.readLine()) != null) {
            if (line.contains(marker)) {
                Thread daemon = new Thread(() -> {
                    try {
                        while (in.readLine() != null) {
                            // keep the pipe drained so the process never blocks on its output
                        }
                    } catch (IOException e) {
                        // the process was killed
                    }
                });
                daemon.setDaemon(true);
                daemon.start();
                return;
            }
        }
        throw new IllegalStateException("the import never started: " + marker);
    }
}
