package jp.mynahealth.idp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;

import jp.mynahealth.common.web.SecurityHeaders;
import jp.mynahealth.idp.apps.ConsentPageController;
import jp.mynahealth.idp.apps.ConsentRecorder;
import jp.mynahealth.idp.card.CardAuthenticationFilter;
import jp.mynahealth.idp.card.CardAuthenticationProvider;
import jp.mynahealth.idp.card.CardAuthenticationToken;
import jp.mynahealth.idp.card.PairLoginFilter;
import jp.mynahealth.idp.card.CardChallengeStore;
import jp.mynahealth.idp.card.CardLoginFailureHandler;
import jp.mynahealth.idp.kiosk.ClearSiteDataOnLogoutFilter;
import jp.mynahealth.idp.kiosk.KioskSessionEndFilter;

/**
 * Two chains: the OpenID Connect endpoints of Spring Authorization Server, and the card login
 * pages. The card is the only way in: there is no password form.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdpProperties.class)
class IdpSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, java.time.Clock clock, ConsentRecorder consents)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        .oidc(Customizer.withDefaults())
                        // Apps' consent: the idp's own page, and what the citizen chose there recorded with its period.
                        .authorizationEndpoint(endpoint -> endpoint
                                .consentPage(ConsentPageController.PAGE)
                                .authenticationProviders(providers -> providers.forEach(provider -> {
                                    if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                                        consent.setAuthorizationConsentCustomizer(consents);
                                    }
                                }))))
                .addFilterAfter(new KioskSessionEndFilter(authentication -> authentication instanceof CardAuthenticationToken card
                        && card.kioskTerminal().isPresent()), SecurityContextHolderFilter.class)
                .addFilterAfter(new ClearSiteDataOnLogoutFilter(), SecurityContextHolderFilter.class)
                .addFilterAfter(new PairLoginFilter(clock), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .headers(SecurityHeaders.strict());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain cardLoginChain(HttpSecurity http, CardChallengeStore challenges, IdpProperties properties)
            throws Exception {
        CardAuthenticationFilter cardLogin = new CardAuthenticationFilter(
                new ProviderManager(new CardAuthenticationProvider(challenges)));
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl(properties.portalUrl() + "/");
        cardLogin.setAuthenticationSuccessHandler(success);
        cardLogin.setAuthenticationFailureHandler(new CardLoginFailureHandler());
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/card/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(cardLogin, UsernamePasswordAuthenticationFilter.class)
                // The signer's form cannot carry the idp's CSRF token: its single-use challenge is its defence.
                .csrf(csrf -> csrf.ignoringRequestMatchers(CardAuthenticationFilter.CALLBACK))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(SecurityHeaders.strict());
        return http.build();
    }
}
