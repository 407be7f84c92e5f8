package jp.mynahealth.portal.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.PersonId;

/**
 * Lets a controller take a {@link PersonId} or a {@link Visit} that always describe the logged-in
 * person, never bound from request parameters: an id in a URL or form can never select whose data
 * is read.
 */
class VisitArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PersonId.class.equals(parameter.getParameterType()) || Visit.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Visit visit = CurrentPerson.visit().orElseThrow(() -> new AccessDeniedException("no card login in this session"));
        return Visit.class.equals(parameter.getParameterType()) ? visit : visit.person();
    }
}
