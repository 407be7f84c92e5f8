package jp.mynahealth.taxapp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import jp.mynahealth.common.web.WebCommonConfiguration;

/**
 * The {@code taxapp} role: a demo of the tax return software a citizen connects to Mynaportal
 * (it plays the NTA's 確定申告書等作成コーナー, and says it is a demo). It is a third party's app: it
 * has no database and reaches the idp and the portal only as any app would, over HTTP with the
 * citizen's consent. Its port, session cookie and addresses are in {@code taxapp.properties}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = { DataSourceAutoConfiguration.class, DataSourceHealthContributorAutoConfiguration.class })
@ComponentScan
@Import(WebCommonConfiguration.class)
public class TaxAppApplication {
}
