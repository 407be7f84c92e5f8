package jp.mynahealth.portal.security;

import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.ForceEagerSessionCreationFilter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jp.mynahealth.common.web.SecurityHeaders;
import jp.mynahealth.portal.kiosk.KioskProperties;

/**
 * The portal's chain: public home and error pages; everything else needs a card login through the
 * idp (authorization code + PKCE, state and nonce); logout ends the idp session too. Kiosk
 * sessions differ in the ways {@link KioskSessions} describes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalLoginProperties.class)
class PortalSecurityConfiguration {

    static final String LOGIN = "/oauth2/authorization/" + CardLoginClientConfiguration.REGISTRATION_ID;

    @Bean
    SecurityFilterChain portalSecurityChain(HttpSecurity http, ClientRegistrationRepository registrations,
            LocaleResolver locales, PortalLoginProperties properties,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers,
            ServerProperties server, KioskProperties kiosk) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request -> request.additionalParameters(parameters -> {
                    parameters.put("ui_locales", currentLanguage(locales));
                    // A parent registering as a child's legal representative: the idp reads both cards in one login.
                    if (PAIR_CHILD.equals(currentParameter("pair"))) {
                        parameters.put("myna_pair", PAIR_CHILD);
                    }
                })));

        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", KioskSessions.START, "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/error")
                        .permitAll()
                        .requestMatchers(new UnmappedPathMatcher(controllers)).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage(LOGIN)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .successHandler(KioskSessions.loginSuccess(kiosk))
                        .failureUrl("/?login=failed"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(KioskSessions.entryPoint(LOGIN)))
                .logout(logout -> logout
                        .addLogoutHandler(KioskSessions.clearSiteData())
                        .logoutSuccessHandler(KioskSessions.logoutSuccess(registrations))
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies(server.getServlet().getSession().getCookie().getName()))
                .addFilterAfter(new AbsoluteSessionTimeoutFilter(properties.absoluteTimeout()),
                        ForceEagerSessionCreationFilter.class)
                .headers(SecurityHeaders.strict())
                .headers(headers -> headers.addHeaderWriter(KioskSessions.contentSecurityPolicy(kiosk)));
        return http.build();
    }

    /** {@code /oauth2/authorization/myna?pair=child} starts a login with the parent's card and the child's. */
    static final String PAIR_CHILD = "child";

    private static String currentParameter(String name) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getParameter(name) : null;
    }

    private static String currentLanguage(LocaleResolver locales) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            Locale locale = locales.resolveLocale(attributes.getRequest());
            return "en".equals(locale.getLanguage()) ? "en" : "ja";
        }
        return "ja";
    }
}
