package jp.mynahealth.portal.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The access log's keys and places, and the schedule of its checkpoints and months. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessLogProperties.class)
@EnableScheduling
class AccessLogConfiguration {
}
