package jp.mynahealth.portal.etax;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/** A file to save: its type, an ASCII name with the year and the Japanese name (RFC 6266 / 5987), never cached; or a zip of several. */
final class Downloads {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    /**
     * Files in one zip, in the order given, each stamped with the day they were made so the same files
     * give the same bytes (as the collection form's entries); names are UTF-8, which the zip flags.
     */
    static byte[] zip(Map<String, byte[]> files, LocalDate madeOn) {
        long time = madeOn.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(time);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the zip", e);
        }
        return out.toByteArray();
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
