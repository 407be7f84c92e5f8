package jp.mynahealth.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.UUID;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;

/**
 * The portal role started once per test JVM (with the shared embedded PostgreSQL and the demo set,
 * on the fixed test day) and a MockMvc over its real security chain, for page tests that log in
 * as a demo person without a card.
 */
public final class PortalRole {

    public static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");
    public static final UUID HANAKO = UUID.fromString("db6787d1-617e-49f2-91ef-af70e5b1f0ea");
    public static final UUID ICHIRO = UUID.fromString("4d2cac20-7cee-4fa7-aa1d-b65443bcb1d6");
    public static final UUID SAKURA = UUID.fromString("a7408f4f-2fb2-430b-bfe4-3ce7ee22e335");

    private static RunningRoles roles;

    private PortalRole() {
    }

    public static synchronized RunningRoles roles() {
        if (roles == null) {
            roles = Application.start("--roles=portal", "--myna.portal.port=" + FreePort.next(),
                    "--myna.clock.fixed=" + ReadStoreTest.TODAY + "T10:00:00+09:00");
            Runtime.getRuntime().addShutdownHook(new Thread(roles::close));
        }
        return roles;
    }

    public static MockMvc mvc() {
        return mvc(roles());
    }

    /** Over the portal of roles a test started itself, with settings of its own. */
    public static MockMvc mvc(RunningRoles roles) {
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) roles.context(Role.PORTAL))
                .apply(springSecurity()).build();
    }

    /** Logged in through the card, as the ID token would say. */
    public static RequestPostProcessor as(UUID person) {
        return oidcLogin().idToken(token -> token.subject(person.toString()).claim("acr", "urn:myna-health:acr:card"));
    }
}
