package jp.mynahealth.importer.eprescriptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.RefusedFileException;

/**
 * Reads the e-prescription feed, JSON Lines in UTF-8 (src/docs/e-prescriptions.md): one event a line,
 * each checked as it is read. Problems name the line and the member; after 100 of them, or at the
 * end of a file with any, the file is refused. A line longer than {@link #MAX_LINE} characters is
 * refused without being held in memory whole.
 */
public final class EPrescriptionReader {

    static final int MAX_LINE = 16 * 1024;
    private static final int MAX_PROBLEMS = 100;

    /** A member given twice in one object is refused rather than one of them silently winning. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Reader in;
    private final LocalDate today;
    private final List<Problem> problems = new ArrayList<>();
    private long line;

    private EPrescriptionReader(InputStream in, LocalDate today) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        this.today = today;
    }

    /**
     * Gives every event of the file to {@code sink}, in file order, then refuses the file if any
     * line had a problem. {@code today} is the day in Japan: an event dated after it is refused.
     */
    public static void read(InputStream in, LocalDate today, Consumer<EPrescriptionEvent> sink) throws IOException {
        new EPrescriptionReader(in, today).readAll(sink);
    }

    private void readAll(Consumer<EPrescriptionEvent> sink) throws IOException {
        StringBuilder text = new StringBuilder(1024);
        boolean first = true;
        try {
            while (nextLine(text)) {
                if (first && text.length() > 0 && text.charAt(0) == '\uFEFF') {
                    text.deleteCharAt(0);
                }
                first = false;
                if (text.toString().isBlank()) {
                    continue;
                }
                EPrescriptionEvent event = parse(text.toString());
                if (event != null) {
                    sink.accept(event);
                }
            }
        } catch (CharacterCodingException e) {
            problems.add(new Problem(line, "", "文字コードが正しくありません（UTF-8で送ってください）",
                    "bytes that are not valid UTF-8"));
        }
        if (!problems.isEmpty()) {
            throw new RefusedFileException(problems);
        }
    }

    /** Reads the next line into {@code text} (without its CR LF or LF); false at the end of the file. */
    private boolean nextLine(StringBuilder text) throws IOException {
        text.setLength(0);
        int c = in.read();
        if (c < 0) {
            return false;
        }
        line++;
        boolean tooLong = false;
        while (c >= 0 && c != '\n') {
            if (text.length() < MAX_LINE) {
                text.append((char) c);
            } else {
                tooLong = true;
            }
            c = in.read();
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
            text.setLength(text.length() - 1);
        }
        if (tooLong) {
            problem("", "1行が長すぎます（" + MAX_LINE + "文字まで）", "a line longer than " + MAX_LINE + " characters");
            text.setLength(0);
        }
        return true;
    }

    private EPrescriptionEvent parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problem("", "JSONとして読めません: " + e.getOriginalMessage(), "not valid JSON: " + e.getOriginalMessage());
            return null;
        }
        if (node == null || !node.isObject()) {
            problem("", "1行に1つのJSONオブジェクトでなければなりません", "each line must be one JSON object");
            return null;
        }
        EventFields fields = new EventFields(node, line, today, problems);
        EPrescriptionEvent event = fields.event();
        if (problems.size() >= MAX_PROBLEMS) {
            throw new RefusedFileException(problems);
        }
        return event;
    }

    private void problem(String field, String ja, String en) {
        problems.add(new Problem(line, field, ja, en));
        if (problems.size() >= MAX_PROBLEMS) {
            throw new RefusedFileException(problems);
        }
    }
}
