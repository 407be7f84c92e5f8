package jp.mynahealth.idp.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.common.OwnerOnlyFiles;
import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.common.database.DataFolder;

/**
 * The demo tax software (role {@code taxapp}) as a registered app, at every start of the idp with
 * {@code myna.demo.enabled}: its redirect URI follows {@code myna.taxapp.url} (tests give it a free
 * port), and its secret is made once into {@code <data folder>/taxapp/client-secret}, where the demo
 * app reads it (in production an app's operator is given the secret by --app-register).
 */
@Component
@ConditionalOnProperty(name = "myna.demo.enabled", havingValue = "true")
class DemoApps implements ApplicationRunner {

    static final String TAXAPP = "taxapp-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoApps.class);

    private final AppRegistry registry;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Path secretFile;
    private final String taxappUrl;

    DemoApps(AppRegistry registry, JdbcClient jdbc, TransactionTemplate transaction, DataFolder dataFolder,
            @Value("${myna.taxapp.url:http://localhost:${myna.taxapp.port:9300}}") String taxappUrl) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.secretFile = dataFolder.resolve("taxapp/client-secret");
        this.taxappUrl = taxappUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        String secret = secret();
        App app = new App(TAXAPP, "見本の確定申告ソフト（デモ）", "Myna Health Portal デモ", List.of(taxappUrl + "/login/oauth2/code/myna"),
                EnumSet.of(AppScope.TAX_NOTICE, AppScope.COSTS), Optional.of(AppSecrets.hash(secret)));
        transaction.executeWithoutResult(status -> {
            // One idp instance at a time: two starting together must not both write it.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('myna.demo.apps'))").query().singleValue();
            registry.register(app);
        });
        log.info("Demo app {} registered for {}", TAXAPP, taxappUrl);
    }

    private String secret() {
        try {
            OwnerOnlyFiles.createSecret(secretFile, (AppSecrets.newSecret() + "\n").getBytes(StandardCharsets.UTF_8));
            return Files.readString(secretFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make or read the demo app's secret " + secretFile, e);
        }
    }
}
