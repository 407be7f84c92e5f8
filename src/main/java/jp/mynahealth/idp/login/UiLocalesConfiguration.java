package jp.mynahealth.idp.login;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class UiLocalesConfiguration {

    /** Before the security chain, which answers the authorization request with a redirect to the login page. */
    @Bean
    FilterRegistrationBean<UiLocalesFilter> uiLocalesFilter(LocaleResolver localeResolver) {
        FilterRegistrationBean<UiLocalesFilter> registration = new FilterRegistrationBean<>(new UiLocalesFilter(localeResolver));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
