package jp.mynahealth.idp.card;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Receives the signer's auto-submitted form at {@code POST /login/card/callback}. The challenge is
 * this form's CSRF defence: it is bound to the session and single-use, and the signer cannot know
 * the idp's CSRF token.
 */
public class CardAuthenticationFilter extends AbstractAuthenticationProcessingFilter {

    public static final String CALLBACK = "/login/card/callback";
    public static final String BINDING_ATTRIBUTE = CardAuthenticationFilter.class.getName() + ".binding";

    public CardAuthenticationFilter(AuthenticationManager manager) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CALLBACK), manager);
        setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        // A new session id at login, keeping the saved authorization request.
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        String binding = session == null ? null : (String) session.getAttribute(BINDING_ATTRIBUTE);
        return getAuthenticationManager().authenticate(CardAuthenticationToken.unauthenticated(
                new CardAuthenticationToken.Submission(request.getParameter("challenge"),
                        request.getParameter("auth_token"), binding)));
    }
}
