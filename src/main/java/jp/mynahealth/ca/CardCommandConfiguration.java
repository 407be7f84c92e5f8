package jp.mynahealth.ca;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Only what the card commands need: the issuer, without its web server or its demo-card runner. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaProperties.class)
@Import({ CardIssuer.class, CardLinkEvents.class })
class CardCommandConfiguration {
}
