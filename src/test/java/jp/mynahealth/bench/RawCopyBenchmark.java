package jp.mynahealth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.mynahealth.common.CommonConfiguration;

/**
 * The comparison of e2e/bench/import.sh: the rows the importer wrote, copied out and then COPYed
 * (FROM STDIN, the protocol psql's \copy uses) into empty tables shaped like the read store's,
 * indexes included, timed. Usage: RawCopyBenchmark &lt;data folder&gt;.
 */
public final class RawCopyBenchmark {

    private static final List<String> TABLES = List.of("claim_receipt", "cost_notice", "dispensing", "checkup", "checkup_result");

    private RawCopyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("myna.demo.enabled=false", "myna.import.inbox=", "logging.level.root=WARN")
                .run("--myna.data-dir=" + data);
                Connection connection = context.getBean(DataSource.class).getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Path dump = Files.createTempDirectory(data, "copy");
            long rows = 0;
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    try (OutputStream out = Files.newOutputStream(dump.resolve(table))) {
                        rows += copy.copyOut("copy records." + table + " to stdout", out);
                    }
                    statement.execute("drop table if exists public.raw_" + table);
                    statement.execute("create table public.raw_" + table + " (like records." + table
                            + " including defaults including indexes)");
                }
            }
            long began = System.nanoTime();
            connection.setAutoCommit(false);
            for (String table : TABLES) {
                try (InputStream in = Files.newInputStream(dump.resolve(table))) {
                    copy.copyIn("copy public.raw_" + table + " from stdin", in);
                }
            }
            connection.commit();
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("raw COPY of the same rows into empty tables (indexes included): %,d rows in %.1f s = %,.0f rows/s%n",
                    rows, seconds, rows / seconds);
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.execute("drop table public.raw_" + table);
                }
            }
            connection.commit();
            for (String table : TABLES) {
                Files.delete(dump.resolve(table));
            }
            Files.delete(dump);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
