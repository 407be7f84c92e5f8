package jp.mynahealth.signer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import jp.mynahealth.common.web.WebCommonConfiguration;

/** The {@code signer} role's own web context: its port, security chain and session cookie are in {@code signer.properties}. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan
@Import(WebCommonConfiguration.class)
public class SignerApplication {
}
