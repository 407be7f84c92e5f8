package jp.mynahealth.portal.proxies;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.portal.security.CurrentPerson;

/**
 * Holds a proxy to their grant on every request: the grant must still be live (not ended by the
 * principal or an operator, not expired, the child not yet 18), and the address must be one the
 * grant reaches ({@link ProxyPaths}); anything else answers 404, as for data that does not exist.
 * An ended grant takes the citizen back to their own page at once, with a word why.
 */
public class ActingForInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ActingForInterceptor.class);

    private final ProxyGrantRepository grants;

    public ActingForInterceptor(ProxyGrantRepository grants) {
        this.grants = grants;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ActingFor.SESSION_GRANT) instanceof Long grantId)) {
            return true;
        }
        Optional<Visit> own = CurrentPerson.visit();
        if (own.isEmpty()) {
            ActingFor.stop(session);
            return true;
        }
        Optional<ProxyGrant> grant = grants.live(grantId, own.get().person());
        if (grant.isEmpty()) {
            ActingFor.stop(session);
            ActingFor.forgetChoices(session);
            log.info("Grant {} of {} is no longer live: acting ended", grantId, own.get().person());
            String target = request.getContextPath() + "/dashboard";
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("proxyEnded", true);
            RequestContextUtils.saveOutputFlashMap(target, request, response);
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", target);
            } else {
                response.sendRedirect(target);
            }
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!ProxyPaths.need(request.getMethod(), path).allows(grant.get())) {
            log.info("Proxy {} acting for {} refused {} {}: not in the grant", own.get().person(), grant.get().principal(),
                    request.getMethod(), path);
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        request.setAttribute(ActingFor.REQUEST_GRANT, grant.get());
        return true;
    }
}
