package jp.mynahealth.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties.ForwardHeadersStrategy;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

/** The list of proxies is the one door: it replaces whom Spring Boot's valve would believe, and the framework filter is refused. */
class ForwardedHeadersConfigurationTest {

    @Test
    void theValveSpringBootAddedBelievesNobodyWhenNoProxyIsListed() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        RemoteIpValve boots = new RemoteIpValve();
        factory.addEngineValves(boots);
        assertThat(boots.getInternalProxies()).as("Tomcat's default").contains("192\\.168");
        new ForwardedHeadersConfiguration.TrustedProxiesOnly(null).customize(factory);
        assertThat(boots.getInternalProxies()).isNull();
        assertThat(boots.getTrustedProxies()).isNull();
    }

    @Test
    void listedProxiesGetAValveWhateverTheStrategy() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new ForwardedHeadersConfiguration.TrustedProxiesOnly("(?:10\\.0\\.3\\.7)").customize(factory);
        assertThat(factory.getEngineValves()).singleElement().isInstanceOfSatisfying(RemoteIpValve.class,
                valve -> assertThat(valve.getInternalProxies()).isEqualTo("(?:10\\.0\\.3\\.7)"));
    }

    @Test
    void theFrameworkFilterWhichBelievesEveryClientIsRefused() {
        ServerProperties server = new ServerProperties();
        server.setForwardHeadersStrategy(ForwardHeadersStrategy.FRAMEWORK);
        assertThatIllegalStateException().isThrownBy(() -> new ForwardedHeadersConfiguration()
                .trustedProxiesOnly(new ProxyProperties(List.of()), server))
                .withMessageContaining("myna.web.trusted-proxies");
    }
}
