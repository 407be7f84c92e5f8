package jp.mynahealth.portal.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import jakarta.servlet.http.HttpServletRequest;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.portal.proxies.ActingFor;
import jp.mynahealth.records.PersonId;

/**
 * Lets a controller take a {@link PersonId} or a {@link Visit} that always describe the logged-in
 * person, or the person they act for under a live grant ({@link ActingFor}), never bound from request
 * parameters: an id in a URL or form can never select whose data is read.
 */
class VisitArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PersonId.class.equals(parameter.getParameterType()) || Visit.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Visit own = CurrentPerson.visit().orElseThrow(() -> new AccessDeniedException("no card login in this session"));
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        Visit visit = servletRequest == null ? own
                : ActingFor.grant(servletRequest).map(grant -> own.actingFor(grant.principal())).orElse(own);
        return Visit.class.equals(parameter.getParameterType()) ? visit : visit.person();
    }
}
