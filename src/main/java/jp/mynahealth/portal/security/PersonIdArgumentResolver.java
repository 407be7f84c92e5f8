package jp.mynahealth.portal.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import jp.mynahealth.records.PersonId;

/**
 * Lets a controller take a {@link PersonId} parameter that is always the logged-in person's, never
 * bound from request parameters: an id in a URL or form can never select whose data is read.
 */
class PersonIdArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PersonId.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        return CurrentPerson.get().orElseThrow(() -> new AccessDeniedException("no card login in this session"));
    }
}
