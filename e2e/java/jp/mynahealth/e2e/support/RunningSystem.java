package jp.mynahealth.e2e.support;

import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.support.FreePort;

/**
 * The whole system, started once per test JVM exactly as the run command starts it (all roles,
 * embedded PostgreSQL, demo data), on free loopback ports and a fixed day.
 */
public final class RunningSystem {

    public static final String TODAY = "2026-11-24";
    private static RunningRoles roles;

    private RunningSystem() {
    }

    public static synchronized RunningRoles get() {
        if (roles == null) {
            List<String> args = new ArrayList<>(List.of("--myna.clock.fixed=" + TODAY + "T10:00:00+09:00"));
            args.add("--myna.portal.port=" + FreePort.next());
            args.add("--myna.idp.port=" + FreePort.next());
            args.add("--myna.signer.port=" + FreePort.next());
            args.add("--myna.ca.port=" + FreePort.next());
            args.add("--myna.taxapp.port=" + FreePort.next());
            roles = Application.start(args.toArray(String[]::new));
            Runtime.getRuntime().addShutdownHook(new Thread(roles::close));
        }
        return roles;
    }

    public static String portalUrl() {
        return "http://localhost:" + get().port(Role.PORTAL);
    }
}
