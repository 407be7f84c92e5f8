package jp.mynahealth.portal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.portal.api.fhir.FhirJson;
import jp.mynahealth.portal.api.fhir.OperationOutcomes;

/**
 * The API's refusals, as FHIR OperationOutcomes (JSON) with the right status, whoever refuses: the
 * security chain (401 with RFC 6750's WWW-Authenticate, 403), the rate limit (429) or a controller.
 * Never a login page, a redirect or a stack trace: an app is no browser.
 */
public final class ApiErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final MediaType FHIR_JSON = MediaType.parseMediaType(FhirJson.MEDIA_TYPE + ";charset=UTF-8");

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        bearerEntryPoint.commence(request, response, refused);
        write(response, HttpStatus.UNAUTHORIZED, IssueType.LOGIN, refused.getMessage() == null || refused.getMessage().isBlank()
                ? "An access token from the idp is needed (Authorization: Bearer …)" : refused.getMessage());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        bearerAccessDenied.handle(request, response, refused);
        write(response, HttpStatus.FORBIDDEN, IssueType.FORBIDDEN, "The consent does not cover this data");
    }

    public static void write(HttpServletResponse response, HttpStatus status, IssueType type, String diagnostics)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(FHIR_JSON.toString());
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json(type, diagnostics).getBytes(StandardCharsets.UTF_8));
    }

    public static ResponseEntity<String> response(HttpStatus status, IssueType type, String diagnostics) {
        return ResponseEntity.status(status).contentType(FHIR_JSON).header("Cache-Control", "no-store")
                .body(json(type, diagnostics));
    }

    private static String json(IssueType type, String diagnostics) {
        return FhirJson.write(OperationOutcomes.of(IssueSeverity.ERROR, type, diagnostics));
    }
}
