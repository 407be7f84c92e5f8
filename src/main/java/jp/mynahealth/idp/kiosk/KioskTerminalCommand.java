package jp.mynahealth.idp.kiosk;

import static jp.mynahealth.common.CommandLine.option;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.common.CommonConfiguration;

/**
 * {@code --kiosk-register=<terminal id> --municipality=<name> --place=<where it stands>}: registers a
 * kiosk terminal and writes its private key to {@code <data folder>/kiosk/<id>.key}, to be installed
 * on the terminal (its signer runs with {@code --myna.signer.kiosk.terminal-id=<id>}).
 */
public final class KioskTerminalCommand {

    private KioskTerminalCommand() {
    }

    public static boolean isRequested(String... args) {
        return option(args, "kiosk-register").isPresent();
    }

    /** Returns the process exit code: 0 registered, 2 refused (with the reason printed). */
    public static int run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(args)) {
            String id = option(args, "kiosk-register").orElseThrow();
            String municipality = option(args, "municipality")
                    .orElseThrow(() -> new IllegalArgumentException("--municipality=<name> is needed"));
            String place = option(args, "place").orElseThrow(() -> new IllegalArgumentException("--place=<text> is needed"));
            KioskTerminalRegistry registry = new KioskTerminalRegistry(context.getBean(JdbcClient.class),
                    context.getBean(TransactionTemplate.class), context.getBean(Clock.class));
            Path dataDir = Path.of(context.getEnvironment().getRequiredProperty("myna.data-dir"));
            Path key = registry.register(new KioskTerminalRegistry.Terminal(id, municipality, place), dataDir.resolve("kiosk"));
            System.out.printf("Registered kiosk terminal %s; install its key %s on the terminal%n", id, key);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("Refused: " + e.getMessage());
            return 2;
        }
    }
}
