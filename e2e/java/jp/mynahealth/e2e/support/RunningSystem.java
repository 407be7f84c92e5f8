package jp.mynahealth.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;

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
            args.add("--myna.portal.port=" + freePort());
            args.add("--myna.idp.port=" + freePort());
            args.add("--myna.signer.port=" + freePort());
            args.add("--myna.ca.port=" + freePort());
            roles = Application.start(args.toArray(String[]::new));
            Runtime.getRuntime().addShutdownHook(new Thread(roles::close));
        }
        return roles;
    }

    public static String portalUrl() {
        return "http://localhost:" + get().port(Role.PORTAL);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
