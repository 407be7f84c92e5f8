package jp.mynahealth.portal.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Matches requests no controller answers, so an unknown address gets the polite 404 page whether
 * or not the visitor is logged in, instead of a detour through the card login.
 */
class UnmappedPathMatcher implements RequestMatcher {

    private final ObjectProvider<RequestMappingHandlerMapping> controllers;
    /** Looked up on the first request, not on every one: the lookup walked the bean factory each time. */
    private volatile RequestMappingHandlerMapping mapping;

    UnmappedPathMatcher(ObjectProvider<RequestMappingHandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/oauth2/") || path.startsWith("/login/") || path.equals("/logout")) {
            return false;
        }
        try {
            RequestMappingHandlerMapping found = mapping;
            if (found == null) {
                // The security chain is built before the controllers' mapping: it can only be fetched later.
                found = controllers.getObject();
                mapping = found;
            }
            return found.getHandler(request) == null;
        } catch (Exception e) {
            return false;
        }
    }
}
