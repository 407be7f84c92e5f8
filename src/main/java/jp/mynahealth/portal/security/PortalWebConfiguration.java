package jp.mynahealth.portal.security;

import java.util.List;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jp.mynahealth.common.web.RateLimitFilter;
import jp.mynahealth.common.web.RateLimits;
import jp.mynahealth.portal.proxies.ActingForInterceptor;
import jp.mynahealth.portal.proxies.ProxyGrantRepository;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimits.class)
class PortalWebConfiguration implements WebMvcConfigurer {

    /** Before the security chain, so refused requests cost next to nothing. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> portalRateLimits(RateLimits limits) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(List.of(
                new RateLimitFilter.Rule("login", "/oauth2/authorization/**", limits.loginPerAddress(), limits.loginPerSession()),
                new RateLimitFilter.Rule("download", "/etax/{year}/**", limits.downloadPerAddress(), limits.downloadPerSession()),
                // Guessing an invitation code must not work: few tries a minute, and the controller counts failures per session too.
                new RateLimitFilter.Rule("invitation", "/proxies/invitations/accept", limits.invitationPerAddress(),
                        limits.invitationPerSession()))));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    private final ProxyGrantRepository grants;

    PortalWebConfiguration(ProxyGrantRepository grants) {
        this.grants = grants;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new VisitArgumentResolver());
    }

    /** Every page but the static files: a proxy's grant is checked before any handler runs. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ActingForInterceptor(grants)).addPathPatterns("/**")
                .excludePathPatterns("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/api/**");
    }
}
