package jp.mynahealth.common.web;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.DispatcherType;

/**
 * What every role's web pages share: Japanese by default, English ({@code ?lang=en}) or
 * やさしい日本語 ({@code ?lang=easy}) on request,
 * remembered in a cookie so the choice survives the trip through the identity provider; and whom
 * to believe about a client's address ({@link ForwardedHeadersConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(ForwardedHeadersConfiguration.class)
public class WebCommonConfiguration implements WebMvcConfigurer {

    public static final Locale JAPANESE = Locale.JAPANESE;
    /**
     * やさしい日本語 (plain Japanese for children, older people and those still learning the
     * language), offered on the kiosk: still {@code lang="ja"} for screen readers; its bundle
     * {@code messages_ja_JP_EASY} holds the kiosk's texts and falls back to ordinary Japanese.
     */
    @SuppressWarnings("deprecation") // the legacy variant is what ResourceBundle looks up by name
    public static final Locale EASY_JAPANESE = new Locale("ja", "JP", "EASY");

    /** Messages live in {@code i18n/messages_ja} and {@code messages_en}; there is no third language to fall back to. */
    /**
     * Every page is HTML, whatever its address ends in. Thymeleaf otherwise takes the content type
     * from the request path's extension: the polite refusal at {@code /etax/2025/iryohi.xml} went out
     * as {@code application/xml}, and a browser offered to save it as a file on the kiosk.
     */
    @Bean
    static BeanPostProcessor htmlPagesWhateverTheAddress() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver views) {
                    views.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
                    views.setForceContentType(true);
                }
                return bean;
            }
        };
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(JAPANESE);
        return messages;
    }

    /** Outside every other filter (the shared session's included): see {@link StoreUnavailableFilter}. */
    @Bean
    FilterRegistrationBean<StoreUnavailableFilter> storeUnavailableFilter(MessageSource messageSource) {
        FilterRegistrationBean<StoreUnavailableFilter> registration = new FilterRegistrationBean<>(
                new StoreUnavailableFilter(messageSource));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        // The error page's own dispatch needs the session (and so the database) too.
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    @Bean
    DisplayFormats fmt() {
        return new DisplayFormats();
    }

    @Bean
    LanguageSwitch languageSwitch() {
        return new LanguageSwitch();
    }

    /** Secure like the session cookie: behind TLS (profile "tls") the language cookie is never sent in clear either. */
    @Bean
    LocaleResolver localeResolver(@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("MYNA_LANG");
        resolver.setCookieSecure(secure);
        resolver.setDefaultLocale(JAPANESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setLanguageTagCompliant(true);
        return resolver;
    }

    /**
     * Static assets under their own paths: styles and scripts with content-hashed URLs (so browsers
     * may keep them a year and never see a stale one), htmx from its WebJar by a version-less URL.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        VersionResourceResolver hashed = new VersionResourceResolver().addContentVersionStrategy("/**");
        CacheControl aYear = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();
        registry.addResourceHandler("/css/**", "/js/**").addResourceLocations("classpath:/static/css/", "classpath:/static/js/")
                .setCacheControl(aYear).resourceChain(true).addResolver(hashed);
        registry.addResourceHandler("/img/**", "/favicon.ico").addResourceLocations("classpath:/static/img/", "classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)));
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(aYear).resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }

    private final ObjectProvider<LocaleResolver> localeResolver;

    WebCommonConfiguration(ObjectProvider<LocaleResolver> localeResolver) {
        this.localeResolver = localeResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportedLocaleInterceptor(localeResolver.getObject()));
    }
}
