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

    public static void run(String... args) {
        int persons = Integer.parseInt(option(args, "persons").orElseThrow());
        long seed = option(args, "seed").map(Long::parseLong).orElse(System.currentTimeMillis());
        if (persons < 1 || persons > 10_000_000) {
            throw new IllegalArgumentException("--persons must be between 1 and 10,000,000");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(args)) {
            DemoDataLoader.LoadReport report = context.getBean(DemoDataLoader.class).generate(seed, persons);
            long rows = report.rows().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("Generated %,d persons (seed %d): %,d rows in %.1f s (%,.0f rows/s)%n%s%n", report.persons(),
                    seed, rows, report.took().toMillis() / 1000.0, rows * 1000.0 / Math.max(1, report.took().toMillis()),
                    report.rows());
        }
    }
}
