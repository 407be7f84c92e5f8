package jp.mynahealth.signer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;

import jp.mynahealth.common.web.SecurityHeaders;

/** The signer's one screen and its assets; CSRF protects the PIN form; only loopback host names. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignerProperties.class)
class SignerSecurityConfiguration {

    @Bean
    SecurityFilterChain signerSecurityChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v1/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/error")
                        .permitAll()
                        .anyRequest().denyAll())
                .addFilterBefore(new HostHeaderFilter(), HeaderWriterFilter.class)
                .headers(SecurityHeaders.strict());
        return http.build();
    }
}
