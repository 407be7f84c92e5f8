package jp.mynahealth.support;

import java.time.Duration;
import java.util.UUID;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.ca.CardCommand;

/**
 * Every role started once per test JVM, as the run command starts them (embedded PostgreSQL, demo
 * set, fixed day), for tests that log in through the real card flow: portal, idp, the local signer
 * and the demo issuer answering OCSP.
 *
 * <p>The card used is issued for 見本 太郎 by this system's issuer when it starts: the demo cards
 * name the OCSP responder of the first issuer started in this JVM, which another test class may
 * have started on another port and closed. Kiosk sessions end on the server after
 * {@link #KIOSK_SERVER_TIMEOUT} without a request, so that limit can be tested without a long wait.
 */
public final class CardLoginSystem {

    public static final String CARD = "taro-card-login-tests";
    public static final String PIN = "1234";
    public static final UUID PERSON = PortalRole.TARO;
    public static final String PERSON_NAME = "見本 太郎";
    /** myna.kiosk.idle + countdown + server-grace below. */
    public static final Duration KIOSK_SERVER_TIMEOUT = Duration.ofSeconds(3);

    private static RunningRoles roles;

    private CardLoginSystem() {
    }

    public static synchronized RunningRoles roles() {
        if (roles == null) {
            roles = Application.start("--myna.clock.fixed=" + ReadStoreTest.TODAY + "T10:00:00+09:00",
                    "--myna.portal.port=" + FreePort.next(), "--myna.idp.port=" + FreePort.next(),
                    "--myna.signer.port=" + FreePort.next(), "--myna.ca.port=" + FreePort.next(),
                    "--myna.taxapp.port=" + FreePort.next(),
                    "--myna.kiosk.idle=1s", "--myna.kiosk.countdown=1s", "--myna.kiosk.server-grace=1s");
            Runtime.getRuntime().addShutdownHook(new Thread(roles::close));
            int issued = CardCommand.run("--card-issue=" + CARD, "--person=" + PERSON, "--pin=" + PIN,
                    "--myna.ca.port=" + roles.port(Role.CA), "--myna.clock.fixed=" + ReadStoreTest.TODAY + "T10:00:00+09:00");
            if (issued != 0) {
                throw new IllegalStateException("the test card was not issued (exit code " + issued + ")");
            }
        }
        return roles;
    }

    public static String portal() {
        return "http://localhost:" + roles().port(Role.PORTAL);
    }

    public static String idp() {
        return "http://127.0.0.1:" + roles().port(Role.IDP);
    }

    public static String signer() {
        return "http://127.0.0.1:" + roles().port(Role.SIGNER);
    }

    /**
     * One more context of a role beside the system, sharing its database, data folder and clock;
     * the caller names its ports and closes it.
     */
    public static SpringApplicationBuilder anotherRole(Role role) {
        return new SpringApplicationBuilder(role.configuration())
                .parent(roles().common())
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .properties("spring.config.name=application," + role.configName());
    }
}
