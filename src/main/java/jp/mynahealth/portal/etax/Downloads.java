package jp.mynahealth.portal.etax;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/** A file to save: its type, an ASCII name with the year and the Japanese name (RFC 6266 / 5987), never cached. */
final class Downloads {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    static ResponseEntity<byte[]> file(byte[] body, MediaType type, String asciiName, String japaneseName) {
        String disposition = "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + UriUtils.encode(japaneseName, StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .contentLength(body.length)
                .body(body);
    }
}
