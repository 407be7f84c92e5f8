package jp.mynahealth.portal.api.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.mynahealth.records.PersonId;

/**
 * The {@code _cursor} of a {@code next} link: where the previous page ended, with a check bound to
 * the person and the resource type. It needs no secret: every query is restricted to the asking
 * person whatever the cursor says, so a forged cursor can only address rows its maker may read
 * anyway. The check is there so that an edited, truncated or another person's cursor is refused
 * with a clear message instead of quietly giving a wrong page; it also keeps the person's id out of
 * the URL (only a hash including it is there).
 */
final class SearchCursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,200}\\.[A-Za-z0-9_-]{16}");
    private static final Pattern ITEM = Pattern.compile("[0-9A-Z]{17}");
    private static final int CHECK_BYTES = 12;

    private SearchCursor() {
    }

    static String encode(PersonId person, FhirResourceType type, Position position) {
        String payload = String.join("|", type.name(), position.date().toString(), position.id(),
                position.item() == null ? "" : position.item());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(check(person, bytes));
    }

    static Position decode(String cursor, PersonId person, FhirResourceType type) {
        if (cursor == null || !SHAPE.matcher(cursor).matches()) {
            throw refused();
        }
        try {
            int dot = cursor.indexOf('.');
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] check = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(check, check(person, payload))) {
                throw refused();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals(type.name())) {
                throw refused();
            }
            LocalDate date = LocalDate.parse(parts[1]);
            if (type == FhirResourceType.OBSERVATION) {
                UUID.fromString(parts[2]);
                if (!ITEM.matcher(parts[3]).matches()) {
                    throw refused();
                }
                return new Position(date, parts[2], parts[3]);
            }
            Long.parseLong(parts[2]);
            return new Position(date, parts[2], null);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw refused();
        }
    }

    private static byte[] check(PersonId person, byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(person.value().toString().getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(payload);
            return Arrays.copyOf(sha.digest(), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static InvalidSearchException refused() {
        return new InvalidSearchException("_cursor is not one this server handed out for this search: "
                + "follow the next link of the previous page as it is, or start again without _cursor");
    }
}
