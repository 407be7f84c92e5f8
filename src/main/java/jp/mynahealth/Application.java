package jp.mynahealth;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.mynahealth.ca.CardCommand;
import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.common.CommonConfiguration;
import jp.mynahealth.idp.apps.AppRegisterCommand;
import jp.mynahealth.idp.kiosk.KioskTerminalCommand;
import jp.mynahealth.importer.ImportCommand;
import jp.mynahealth.importer.demo.BulkGenerationCommand;
import jp.mynahealth.portal.access.AccessLogVerifier;
import jp.mynahealth.portal.proxies.EndProxiesCommand;

/**
 * Starts the roles asked for ({@code --roles=portal,idp,signer,ca,taxapp}, all by default).
 *
 * <p>The shared part (data folder, PostgreSQL, migrations, demo data) is one parent context, left
 * out when only roles without a database are asked for (the signer, the demo tax software); each
 * role is a child web context with its own port, security chain and session cookie, so in
 * production each role runs as its own process while on a laptop one command starts them all.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (ImportCommand.isRequested(args)) {
            System.exit(ImportCommand.run(args));
        }
        if (BulkGenerationCommand.isRequested(args)) {
            BulkGenerationCommand.run(args);
            return;
        }
        if (CardCommand.isRequested(args)) {
            System.exit(CardCommand.run(args));
        }
        if (KioskTerminalCommand.isRequested(args)) {
            System.exit(KioskTerminalCommand.run(args));
        }
        if (AppRegisterCommand.isRequested(args)) {
            System.exit(AppRegisterCommand.run(args));
        }
        if (EndProxiesCommand.isRequested(args)) {
            System.exit(EndProxiesCommand.run(args));
        }
        if (AccessLogVerifier.isRequested(args)) {
            System.exit(AccessLogVerifier.run(args));
        }
        start(args);
    }

    /** Starts the shared context and every requested role; returns the roles' contexts. */
    public static RunningRoles start(String... args) {
        List<Role> roles = Role.parse(args);
        SpringApplicationBuilder common = roles.stream().anyMatch(Role::usesDatabase) ? commonContext()
                : databaseFreeContext();
        List<RunningRoles.RoleContext> started = new ArrayList<>();
        for (Role role : roles) {
            ConfigurableApplicationContext context = common.child(role.configuration())
                    .web(WebApplicationType.SERVLET)
                    .bannerMode(Banner.Mode.OFF)
                    .properties("spring.config.name=application," + role.configName())
                    .run(args);
            started.add(new RunningRoles.RoleContext(role, context));
        }
        return new RunningRoles(common.context(), started);
    }

    static SpringApplicationBuilder commonContext() {
        return new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF);
    }

    /** For roles that need no database (the signer, the demo tax software): the clock only, no server started, no port opened. */
    static SpringApplicationBuilder databaseFreeContext() {
        return new SpringApplicationBuilder(ClockConfiguration.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF);
    }
}
