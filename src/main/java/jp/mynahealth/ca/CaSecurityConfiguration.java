package jp.mynahealth.ca;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import jp.mynahealth.common.web.SecurityHeaders;

/** The issuer serves machines only: OCSP and the CRL, no pages, no sessions. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaProperties.class)
class CaSecurityConfiguration {

    @Bean
    SecurityFilterChain caSecurityChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ocsp", "/crl/**", "/actuator/health", "/error").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/ocsp"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityHeaders.strict());
        return http.build();
    }
}
