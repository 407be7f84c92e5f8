package jp.mynahealth.portal;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import jp.mynahealth.common.session.SparingSessionConfiguration;
import jp.mynahealth.common.web.WebCommonConfiguration;

/** The {@code portal} role's own web context: its port, security chain and session cookie are in {@code portal.properties}. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan
@Import({ WebCommonConfiguration.class, SparingSessionConfiguration.class })
public class PortalApplication {
}
