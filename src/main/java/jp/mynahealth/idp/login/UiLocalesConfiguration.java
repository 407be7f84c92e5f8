package jp.mynahealth.idp.login;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

import jp.mynahealth.common.web.RateLimitFilter;
import jp.mynahealth.common.web.RateLimits;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimits.class)
class UiLocalesConfiguration {

    /** Challenges are stored rows: their creation, and the callback, are limited per address and session. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> idpRateLimits(RateLimits limits) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(List.of(
                new RateLimitFilter.Rule("challenge", "/login/**", limits.challengePerAddress(), limits.challengePerSession()))));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /** Before the security chain, which answers the authorization request with a redirect to the login page. */
    @Bean
    FilterRegistrationBean<UiLocalesFilter> uiLocalesFilter(LocaleResolver localeResolver) {
        FilterRegistrationBean<UiLocalesFilter> registration = new FilterRegistrationBean<>(new UiLocalesFilter(localeResolver));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
