package jp.mynahealth.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Route;

import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.support.FreePort;

/**
 * A municipal kiosk terminal beside the running system: its own local signer in kiosk mode (the
 * demo terminal's key, a card reader of its own) and a browser context that reaches that signer
 * at the usual signer address, as on a real terminal where the kiosk's signer is the only one.
 */
public final class KioskTerminal {

    public static final String TERMINAL_ID = "demo-kiosk-01";
    private static ConfigurableApplicationContext signer;
    private static Path reader;

    private KioskTerminal() {
    }

    public static synchronized void start() {
        if (signer != null) {
            return;
        }
        RunningRoles roles = RunningSystem.get();
        reader = Path.of(System.getProperty("myna.data-dir", ".data")).resolveSibling("e2e-kiosk-reader");
        removeAllCards();
        signer = new SpringApplicationBuilder(Role.SIGNER.configuration())
                .parent(roles.common())
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .properties("spring.config.name=application,signer")
                .run("--myna.signer.port=" + FreePort.next(), "--myna.signer.cards=" + reader,
                        "--myna.signer.kiosk.terminal-id=" + TERMINAL_ID,
                        "--myna.portal.port=" + roles.port(Role.PORTAL));
        Runtime.getRuntime().addShutdownHook(new Thread(signer::close));
    }

    /** Makes the context a kiosk browser: requests to the signer address go to the kiosk's signer. */
    public static void playKiosk(BrowserContext context) {
        start();
        int usual = RunningSystem.get().port(Role.SIGNER);
        int kiosk = ((WebServerApplicationContext) signer).getWebServer().getPort();
        context.route("http://127.0.0.1:" + usual + "/**", route -> {
            Map<String, String> headers = new HashMap<>(route.request().headers());
            headers.remove("host");
            APIResponse answer = route.fetch(new Route.FetchOptions()
                    .setUrl(route.request().url().replace("127.0.0.1:" + usual, "127.0.0.1:" + kiosk))
                    .setHeaders(headers)
                    .setMaxRedirects(0));
            route.fulfill(new Route.FulfillOptions().setResponse(answer));
        });
    }

    /** Puts a demo card (taro, hanako…) on the kiosk's reader. */
    public static void insertCard(String card) {
        Path cards = Path.of(System.getProperty("myna.data-dir", ".data")).resolve("cards");
        try {
            Files.createDirectories(reader);
            for (String suffix : new String[] { ".p12", ".properties" }) {
                Files.copy(cards.resolve(card + suffix), reader.resolve(card + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes every card out of the kiosk's reader. */
    public static void removeAllCards() {
        if (!Files.isDirectory(reader)) {
            return;
        }
        try (Stream<Path> files = Files.list(reader)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
