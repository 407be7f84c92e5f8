package jp.mynahealth.common.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reverse proxies or load balancers in front of this application ({@code myna.web.trusted-proxies}):
 * addresses or CIDR ranges whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed.
 * None by default.
 */
@ConfigurationProperties("myna.web")
record ProxyProperties(@DefaultValue List<String> trustedProxies) {
}
