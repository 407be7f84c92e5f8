package jp.mynahealth.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.mynahealth.common.CommonConfiguration;

/**
 * {@code --import <file or folder>… [--dry-run]}: imports delivered files into the read store and
 * exits. Exit codes: 0 everything imported (or already imported), 1 a file was refused, 2 the
 * command was wrong, 3 everything imported but some records matched nobody (kept apart, reported).
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static boolean isRequested(String... args) {
        for (String arg : args) {
            if (arg.equals("--import") || arg.startsWith("--import=")) {
                return true;
            }
        }
        return false;
    }

    /** The paths named after --import (up to the next option), and any --import=path. */
    static List<Path> paths(String... args) {
        List<Path> paths = new ArrayList<>();
        boolean collecting = false;
        for (String arg : args) {
            if (arg.startsWith("--import=")) {
                paths.add(Path.of(arg.substring("--import=".length())));
                collecting = false;
            } else if (arg.equals("--import")) {
                collecting = true;
            } else if (arg.startsWith("--")) {
                collecting = false;
            } else if (collecting) {
                for (String part : arg.trim().split("\\s+")) {
                    if (!part.isEmpty()) {
                        paths.add(Path.of(part));
                    }
                }
            }
        }
        return paths;
    }

    public static int run(String... args) {
        List<Path> paths = paths(args);
        boolean dryRun = List.of(args).contains("--dry-run");
        PrintStream out = System.out;
        if (paths.isEmpty()) {
            System.err.println("Usage: --import <file or folder>... [--dry-run]");
            return 2;
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                System.err.println("No such file or folder: " + path);
                return 2;
            }
        }
        // An import is the operator's run: it never generates the demo, nor watches the inbox. Given
        // as arguments, these win over application.properties (default properties would not).
        List<String> contextArgs = new java.util.ArrayList<>(List.of(args).stream()
                .filter(a -> a.startsWith("--") && !a.startsWith("--import") && !a.equals("--dry-run")).toList());
        contextArgs.add("--myna.demo.enabled=false");
        contextArgs.add("--myna.import.inbox=");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .run(contextArgs.toArray(String[]::new))) {
            TerminalProgress progress = new TerminalProgress(System.err, System.console() != null);
            List<ImportReport> reports = context.getBean(FeedImporter.class).importAll(paths, dryRun, progress);
            progress.done();
            int code = 0;
            for (ImportReport report : reports) {
                out.println(report.summary());
                report.problems().stream().limit(20).forEach(problem -> out.println("  " + problem));
                if (report.problems().size() > 20) {
                    out.println("  … " + (report.problems().size() - 20) + " more");
                }
                if (report.refused()) {
                    code = 1;
                } else if (report.unmatched() > 0 && code == 0) {
                    code = 3;
                }
            }
            long imported = reports.stream().filter(r -> !r.refused()).count();
            out.printf("%d of %d file(s) %s%s%n", imported, reports.size(), dryRun ? "valid (dry run: nothing written)" : "imported",
                    code == 1 ? "; refused files left the store as it was" : "");
            return code;
        } catch (IOException e) {
            System.err.println("Import failed: " + e.getMessage());
            return 1;
        } catch (StoreUnavailableException e) {
            System.err.println("Nothing was imported: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // Most often the embedded store is in use by a running service: its inbox is the way in.
            System.err.println("The read store could not be opened: " + ImportReport.rootMessage(e) + System.lineSeparator()
                    + "If a portal is running on this data folder, drop the files into its inbox (<data>/inbox) instead,"
                    + " or stop it first.");
            return 1;
        }
    }

}
