package jp.mynahealth.importer.demo;

import static jp.mynahealth.common.CommandLine.option;

import java.util.Optional;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.mynahealth.common.CommonConfiguration;

/**
 * {@code --persons=N [--seed=S]}: fills the read store with N generated people and exits. Without a
 * seed a fresh one is used, so runs can be repeated; the same seed always gives the same people.
 */
public final class BulkGenerationCommand {

    private BulkGenerationCommand() {
    }

    public static boolean isRequested(String... args) {
        return option(args, "persons").isPresent();
    }

    /**
     * {@code --persons=N --write-feed=<folder> [--seed=S]}: writes the files only (no database), for
     * the import benchmark.
     */
    static Optional<java.nio.file.Path> feedFolder(String... args) {
        return option(args, "write-feed").map(java.nio.file.Path::of);
    }

    public static void run(String... args) {
        int persons = Integer.parseInt(option(args, "persons").orElseThrow());
        long seed = option(args, "seed").map(Long::parseLong).orElse(System.currentTimeMillis());
        if (persons < 1 || persons > 10_000_000) {
            throw new IllegalArgumentException("--persons must be between 1 and 10,000,000");
        }
        if (feedFolder(args).isPresent()) {
            long began = System.nanoTime();
            long skipped = DemoDataLoader.writeFeed(feedFolder(args).get(), seed, persons, 1_000_000, false,
                    java.time.LocalDate.now(jp.mynahealth.common.ClockConfiguration.JAPAN));
            System.out.printf("Wrote the files for %,d persons (seed %d) into %s in %.1f s (%d records without coverage left out)%n",
                    persons, seed, feedFolder(args).get(), (System.nanoTime() - began) / 1e9, skipped);
            return;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(args)) {
            DemoDataLoader.LoadReport report = context.getBean(DemoDataLoader.class).generate(seed, persons);
            System.out.printf("Generated and imported %,d persons (seed %d): %,d records from %d files in %.1f s%n",
                    report.persons(), seed, report.records(), report.files().size(), report.took().toMillis() / 1000.0);
        }
    }
}
