package jp.mynahealth.portal.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import jp.mynahealth.common.web.SecurityHeaders;

@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    @Bean
    SecurityFilterChain portalSecurityChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/login", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/error")
                        .permitAll()
                        .anyRequest().permitAll())
                .headers(SecurityHeaders.strict());
        return http.build();
    }
}
