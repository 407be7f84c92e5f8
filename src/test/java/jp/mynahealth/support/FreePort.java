package jp.mynahealth.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port nobody listens on right now, for roles started by tests. It is taken below the
 * kernel's ephemeral range (32768 and up on Linux): a port from that range, free when asked, could
 * be handed to an outgoing connection (a database pool opening) before the role binds it. Each port
 * is handed out once per JVM.
 */
public final class FreePort {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // Someone listens there: try another.
            }
        }
        throw new IllegalStateException("no free loopback port between " + FIRST + " and " + LAST);
    }
}
