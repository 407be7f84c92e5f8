package jp.mynahealth.records;

import org.springframework.context.annotation.Configuration;

/** Marks the read-store package: its repositories are shared by the portal and the idp. */
@Configuration(proxyBeanMethods = false)
public class RecordsConfiguration {
}
