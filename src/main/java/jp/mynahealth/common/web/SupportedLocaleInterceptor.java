package jp.mynahealth.common.web;

import java.util.Set;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Lets only the languages the service is written in through to the locale change. */
final class SupportedLocaleInterceptor implements HandlerInterceptor {

    static final Set<String> SUPPORTED = Set.of("ja", "en");

    private final LocaleChangeInterceptor delegate;

    SupportedLocaleInterceptor(LocaleChangeInterceptor delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String asked = request.getParameter(delegate.getParamName());
        if (asked != null && SUPPORTED.contains(asked)) {
            return delegate.preHandle(request, response, handler);
        }
        return true;
    }
}
