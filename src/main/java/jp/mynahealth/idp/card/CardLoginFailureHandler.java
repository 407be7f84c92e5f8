package jp.mynahealth.idp.card;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Logs the precise reason and shows the citizen the polite page of the failure's class, with its status. */
public class CardLoginFailureHandler implements AuthenticationFailureHandler {

    public static final String FAILURE_ATTRIBUTE = CardLoginFailureHandler.class.getName() + ".failure";
    public static final String FAILURE_PAGE = "/login/card/failed";
    private static final Logger log = LoggerFactory.getLogger(CardLoginFailureHandler.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        LoginFailure failure = exception instanceof CardLoginException card ? card.failure() : LoginFailure.TRY_AGAIN;
        if (exception instanceof CardLoginException.Shown) {
            log.info("Card login refusal [{}] shown to the browser the challenge was issued to", failure);
        } else {
            log.warn("Card login refused [{}]: {}", failure, exception.getMessage());
        }
        request.setAttribute(FAILURE_ATTRIBUTE, failure);
        request.getRequestDispatcher(FAILURE_PAGE).forward(request, response);
    }
}
