package jp.mynahealth.idp.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The terminal register, and the demo kiosk terminal registered on the first start of a demo store. */
@Configuration(proxyBeanMethods = false)
class KioskTerminalConfiguration {

    static final KioskTerminalRegistry.Terminal DEMO_TERMINAL = new KioskTerminalRegistry.Terminal("demo-kiosk-01",
            "千代田区", "千代田区役所 1階 住民向け端末（見本）");
    private static final Logger log = LoggerFactory.getLogger(KioskTerminalConfiguration.class);

    @Bean
    KioskTerminalRegistry kioskTerminalRegistry(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        return new KioskTerminalRegistry(jdbc, transaction, clock);
    }

    /** The demo kiosk's key goes where a kiosk-mode signer on this machine looks for it. */
    @Bean
    @ConditionalOnProperty(name = "myna.demo.enabled", havingValue = "true")
    ApplicationRunner demoKioskTerminal(KioskTerminalRegistry registry, @Value("${myna.data-dir}") Path dataDir) {
        return arguments -> {
            if (registry.isRegistered(DEMO_TERMINAL.id())) {
                return;
            }
            Path folder = dataDir.resolve("kiosk");
            try {
                // A key left from an earlier, deleted store belongs to no registered terminal any more.
                Files.deleteIfExists(folder.resolve(DEMO_TERMINAL.id() + ".key"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path key = registry.register(DEMO_TERMINAL, folder);
            log.info("Registered the demo kiosk terminal {} (key {})", DEMO_TERMINAL.id(), key);
        };
    }
}
