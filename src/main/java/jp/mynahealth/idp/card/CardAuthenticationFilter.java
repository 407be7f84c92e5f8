package jp.mynahealth.idp.card;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Completes a card login at {@code GET /login/card/complete?handle=…}, where {@link CardCallbackController}
 * sends the browser after checking the card. A top-level GET carries the idp's {@code SameSite=Lax}
 * session cookie even when the signer's page that started it is on another site, so here the
 * session can be matched with the one the challenge was issued to.
 */
public class CardAuthenticationFilter extends AbstractAuthenticationProcessingFilter {

    public static final String CALLBACK = "/login/card/callback";
    public static final String COMPLETE = "/login/card/complete";
    public static final String HANDLE_PARAMETER = "handle";
    public static final String BINDING_ATTRIBUTE = CardAuthenticationFilter.class.getName() + ".binding";

    public CardAuthenticationFilter(AuthenticationManager manager) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, COMPLETE), manager);
        setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        // A new session id at login, keeping the saved authorization request.
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        String binding = session == null ? null : (String) session.getAttribute(BINDING_ATTRIBUTE);
        return getAuthenticationManager().authenticate(CardAuthenticationToken.unauthenticated(
                new CardAuthenticationToken.Submission(request.getParameter(HANDLE_PARAMETER), binding)));
    }
}
