package jp.mynahealth.signer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import jp.mynahealth.common.web.WebCommonConfiguration;

/**
 * The {@code signer} role's own web context: its port, security chain and session cookie are in
 * {@code signer.properties}. It uses no database: started alone, none is set up for it, and started
 * beside the other roles its health does not depend on theirs.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = { DataSourceAutoConfiguration.class, DataSourceHealthContributorAutoConfiguration.class })
@ComponentScan
@Import(WebCommonConfiguration.class)
public class SignerApplication {
}
