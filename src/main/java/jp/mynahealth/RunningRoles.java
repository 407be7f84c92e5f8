package jp.mynahealth;

import java.util.List;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The started roles and their shared parent; closing it stops them all, roles first. */
public record RunningRoles(ConfigurableApplicationContext common, List<RoleContext> roles) implements AutoCloseable {

    public record RoleContext(Role role, ConfigurableApplicationContext context) {
        public int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }
    }

    public ConfigurableApplicationContext context(Role role) {
        return roles.stream().filter(r -> r.role() == role).findFirst()
                .map(RoleContext::context)
                .orElseThrow(() -> new IllegalStateException(role + " is not running"));
    }

    public int port(Role role) {
        return roles.stream().filter(r -> r.role() == role).findFirst()
                .map(RoleContext::port)
                .orElseThrow(() -> new IllegalStateException(role + " is not running"));
    }

    @Override
    public void close() {
        for (int i = roles.size() - 1; i >= 0; i--) {
            roles.get(i).context().close();
        }
        common.close();
    }
}
