package jp.mynahealth.signer;

import java.io.IOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers only requests addressed to the loopback host and this signer's port: a web page cannot reach the signer through
 * a DNS name it controls that resolves to 127.0.0.1 (DNS rebinding).
 */
class HostHeaderFilter extends OncePerRequestFilter {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Logger log = LoggerFactory.getLogger(HostHeaderFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader("Host");
        String name = host == null ? "" : host.replaceFirst(":\\d+$", "");
        String port = host != null && host.matches(".*:\\d+$") ? host.substring(host.lastIndexOf(':') + 1) : "80";
        if (!HOSTS.contains(name) || !port.equals(String.valueOf(request.getLocalPort()))) {
            log.warn("Refused a request for host {}", host);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
