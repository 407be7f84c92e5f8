package jp.mynahealth.common.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the database cannot be reached (a restart, a failover), every page answers a polite 503
 * with {@code Retry-After} instead of a stack trace or a hang: the pool gives up after its
 * connection timeout, and this filter, outside everything that may need the database (the shared
 * session included), turns that failure into the page. The page is written here, from the
 * messages alone, because rendering the usual error page could need the database again.
 */
public final class StoreUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableFilter.class);
    static final int RETRY_AFTER_SECONDS = 10;

    private final MessageSource messages;

    public StoreUnavailableFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            Throwable cause = storeFailure(e);
            if (cause == null || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unreachable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
                    cause.getMessage());
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(page(locale(request)));
        }
    }

    /** The failure that says the database could not be reached, if that is what this is. */
    static Throwable storeFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException) {
                return t;
            }
            // A statement failed because the connection died, then so did the rollback: the first
            // failure is kept beside the second, not as its cause.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && storeFailure(rollback.getApplicationException()) != null) {
                return rollback.getApplicationException();
            }
            // 08: connection exceptions; 57P01-03: the server is shutting down or starting up.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The citizen's language as the pages choose it (?lang=, else the MYNA_LANG cookie), without the session. */
    private static Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang == null) {
            lang = WebUtils.getCookie(request, "MYNA_LANG") == null ? null : WebUtils.getCookie(request, "MYNA_LANG").getValue();
        }
        return lang != null && lang.startsWith("en") ? Locale.ENGLISH : Locale.JAPANESE;
    }

    String page(Locale locale) {
        String title = HtmlUtils.htmlEscape(messages.getMessage("error.unavailable.title", null, locale));
        String text = HtmlUtils.htmlEscape(messages.getMessage("error.unavailable.text", null, locale));
        String home = HtmlUtils.htmlEscape(messages.getMessage("error.home", null, locale));
        String service = HtmlUtils.htmlEscape(messages.getMessage("service.name", null, locale));
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s | %s</title><link rel="stylesheet" href="/css/site.css"></head>
                <body><main class="error-page"><h1>%s</h1><p>%s</p><p><a href="/">%s</a></p></main></body></html>
                """.formatted(locale.getLanguage(), title, service, title, text, home);
    }
}
