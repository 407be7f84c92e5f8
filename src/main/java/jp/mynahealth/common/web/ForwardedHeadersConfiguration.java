package jp.mynahealth.common.web;

import java.util.List;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties.ForwardHeadersStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Whom a role believes about the client's address and scheme: the proxies listed in
 * {@code myna.web.trusted-proxies}, and nobody when none are. The address is what the rate limits
 * count, so believing any client's {@code X-Forwarded-For} would give it a fresh bucket per request.
 *
 * <p>Tomcat's RemoteIpValve does the reading, only for a peer in the list, and walks the header
 * from the right, skipping listed proxies: the client is the address the outermost listed proxy
 * saw, whatever the client wrote into the header itself. (Spring's ForwardedHeaderFilter takes the
 * left-most entry, which the client writes, and believes every peer.) Spring Boot's own set-up
 * believed every private and loopback peer, the valve's default, under
 * {@code server.forward-headers-strategy=native} or on a cloud platform; here the list replaces that
 * default whatever the strategy says.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyProperties.class)
class ForwardedHeadersConfiguration {

    @Bean
    TrustedProxiesOnly trustedProxiesOnly(ProxyProperties proxies, ServerProperties server) {
        if (server.getForwardHeadersStrategy() == ForwardHeadersStrategy.FRAMEWORK) {
            throw new IllegalStateException("server.forward-headers-strategy=framework would believe any client's "
                    + "X-Forwarded-For; list the proxies in myna.web.trusted-proxies instead");
        }
        return new TrustedProxiesOnly(ProxyAddressPattern.of(proxies.trustedProxies()));
    }

    /**
     * Sets who the valve believes, adding the valve when proxies are listed and Spring Boot added
     * none. Ordered last, after Spring Boot's customizer that adds and configures its valve.
     */
    record TrustedProxiesOnly(String pattern) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            List<RemoteIpValve> valves = factory.getEngineValves().stream()
                    .filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast).toList();
            if (valves.isEmpty() && pattern != null) {
                RemoteIpValve valve = new RemoteIpValve();
                factory.addEngineValves(valve);
                valves = List.of(valve);
            }
            for (RemoteIpValve valve : valves) {
                valve.setInternalProxies(pattern);
                valve.setTrustedProxies(null);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
