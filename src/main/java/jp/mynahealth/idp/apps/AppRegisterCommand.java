package jp.mynahealth.idp.apps;

import static jp.mynahealth.common.CommandLine.option;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.common.CommonConfiguration;
import jp.mynahealth.common.apps.AppScope;

/**
 * The operator's command for third-party apps:
 * {@code --app-register=<id> --app-name=<shown to citizens> --app-operator=<who runs it>
 * --app-redirect-uri=<uri>[,<uri>…] --app-scopes=tax-notice,costs [--app-public]} registers an app (or
 * changes it, with a new secret) and prints its client secret once; {@code --app-retire=<id>} retires
 * it, which ends every call with its tokens.
 */
public final class AppRegisterCommand {

    private AppRegisterCommand() {
    }

    public static boolean isRequested(String... args) {
        return option(args, "app-register").isPresent() || option(args, "app-retire").isPresent();
    }

    /** Returns the process exit code: 0 done, 2 refused (with the reason printed). */
    public static int run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(args)) {
            AppRegistry registry = new AppRegistry(context.getBean(JdbcClient.class), context.getBean(Clock.class));
            Optional<String> retire = option(args, "app-retire");
            if (retire.isPresent()) {
                if (!registry.retire(retire.get())) {
                    throw new IllegalArgumentException("No app in service has the id " + retire.get());
                }
                System.out.printf("Retired app %s: its consents and tokens no longer read anything%n", retire.get());
                return 0;
            }
            boolean publicClient = Arrays.asList(args).contains("--app-public");
            String secret = publicClient ? null : AppSecrets.newSecret();
            App app = new App(option(args, "app-register").orElseThrow(),
                    required(args, "app-name"), required(args, "app-operator"),
                    List.of(required(args, "app-redirect-uri").split(",")), scopes(required(args, "app-scopes")),
                    Optional.ofNullable(secret).map(AppSecrets::hash));
            boolean created = registry.register(app);
            System.out.printf("%s app %s (%s client, may ask for %s)%n", created ? "Registered" : "Changed", app.appId(),
                    publicClient ? "public, PKCE only" : "confidential", AppRegistry.codes(app.scopes()));
            if (secret != null) {
                System.out.printf("Its client secret, shown this once: %s%n", secret);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("Refused: " + e.getMessage());
            return 2;
        }
    }

    private static String required(String[] args, String name) {
        return option(args, name).orElseThrow(() -> new IllegalArgumentException("--" + name + "=… is needed"));
    }

    private static Set<AppScope> scopes(String list) {
        Set<AppScope> scopes = EnumSet.noneOf(AppScope.class);
        for (String code : list.split(",")) {
            scopes.add(AppScope.of(code.trim()).orElseThrow(() -> new IllegalArgumentException("Unknown scope '" + code
                    + "'; choose from insurance, drugs, checkups, costs, tax-notice")));
        }
        return scopes;
    }
}
