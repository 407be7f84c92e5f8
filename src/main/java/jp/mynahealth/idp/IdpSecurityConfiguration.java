package jp.mynahealth.idp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import jp.mynahealth.common.web.SecurityHeaders;

/** Until the card login lands this role only answers its health check; everything else is refused. */
@Configuration(proxyBeanMethods = false)
class IdpSecurityConfiguration {

    @Bean
    SecurityFilterChain idpSecurityChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/error").permitAll()
                        .anyRequest().denyAll())
                .headers(SecurityHeaders.strict());
        return http.build();
    }
}
