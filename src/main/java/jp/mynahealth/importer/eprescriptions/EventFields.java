package jp.mynahealth.importer.eprescriptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.eprescriptions.EPrescriptionEvent.Kind;

/** The members of one event object, each checked as it is taken; problems name the line and the member. */
final class EventFields {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern INSURER_NUMBER = Pattern.compile("[0-9]{6}|[0-9]{8}");
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z\\-]{1,20}|[^,\\p{Cntrl}]{1,20}");
    private static final Pattern BRANCH = Pattern.compile("[0-9]{2}");
    private static final Pattern INSTITUTION = Pattern.compile("[0-9]{10}");
    private static final Pattern YJ = Pattern.compile("[0-9A-Z]{12}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    static final List<String> CATEGORIES = List.of("内服", "頓服", "外用", "注射");

    private final JsonNode node;
    private final long line;
    private final LocalDate today;
    private final List<Problem> problems;
    private final int problemsBefore;

    EventFields(JsonNode node, long line, LocalDate today, List<Problem> problems) {
        this.node = node;
        this.line = line;
        this.today = today;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    /** The event, or null when any member had a problem (they are in the list). */
    EPrescriptionEvent event() {
        String eventId = matching("event_id", ID, "英数字と . _ : - の64文字まで", true);
        Kind kind = kind();
        OffsetDateTime occurredAt = timestamp("occurred_at");
        String insurer = matching("insurer_number", INSURER_NUMBER, "6桁または8桁の数字", true);
        String symbol = text("symbol", 20, false);
        String number = matching("number", NUMBER, "20文字まで", true);
        String branch = matching("branch", BRANCH, "2桁の数字", true);
        String name = text("name", 50, true);
        LocalDate birthDate = date("birth_date", true);
        String institution = matching("institution_code", INSTITUTION, "10桁の数字", true);
        if (occurredAt != null && occurredAt.atZoneSameInstant(ClockConfiguration.JAPAN).toLocalDate().isAfter(today)) {
            problem("occurred_at", "未来の日時です", "a time in the future");
        }
        if (birthDate != null && birthDate.isAfter(today)) {
            problem("birth_date", "未来の日付です", "a date in the future");
        }
        if (kind == null) {
            return null;
        }
        String prescriptionId = null;
        String prescriber = null;
        LocalDate prescribedOn = null;
        LocalDate dispensedOn = null;
        String drugCode = null;
        String drugName = null;
        BigDecimal quantity = null;
        String unit = null;
        String usage = null;
        Integer days = null;
        String category = null;
        String cancels = null;
        if (kind == Kind.CANCELLED) {
            cancels = matching("cancels", ID, "取り消す出来事の event_id", true);
            if (cancels != null && cancels.equals(eventId)) {
                problem("cancels", "自分自身は取り消せません", "an event cannot cancel itself");
            }
        } else {
            prescriptionId = matching("prescription_id", ID, "英数字と . _ : - の64文字まで", true);
            prescribedOn = notFuture("prescribed_on", date("prescribed_on", kind == Kind.PRESCRIBED));
            if (kind == Kind.DISPENSED) {
                dispensedOn = notFuture("dispensed_on", date("dispensed_on", true));
                prescriber = matching("prescriber_code", INSTITUTION, "10桁の数字", false);
                if (prescribedOn != null && dispensedOn != null && dispensedOn.isBefore(prescribedOn)) {
                    problem("dispensed_on", "処方日より前の調剤日です", "dispensed before it was prescribed");
                }
            }
            drugCode = matching("drug_code", YJ, "YJコード12文字", true);
            drugName = text("drug_name", 100, true);
            quantity = quantity();
            unit = text("unit", 12, true);
            usage = text("usage", 100, true);
            days = days();
            category = text("category", 2, true);
            if (category != null && !CATEGORIES.contains(category)) {
                problem("category", "次のいずれかでなければなりません: " + CATEGORIES, "must be one of " + CATEGORIES);
            }
        }
        if (problems.size() != problemsBefore) {
            return null;
        }
        return new EPrescriptionEvent(line, eventId, kind, occurredAt, insurer, symbol == null ? "" : symbol, number,
                branch, name, birthDate, institution, prescriptionId, prescriber, prescribedOn, dispensedOn, drugCode,
                drugName, quantity, unit, usage, days, category, cancels);
    }

    private Kind kind() {
        String value = string("kind", true);
        if (value == null) {
            return null;
        }
        for (Kind kind : Kind.values()) {
            if (kind.code().equals(value)) {
                return kind;
            }
        }
        problem("kind", "prescribed、dispensed、cancelled のいずれかでなければなりません: " + value,
                "must be prescribed, dispensed or cancelled: " + value);
        return null;
    }

    private BigDecimal quantity() {
        JsonNode value = node.get("quantity");
        if (value == null || value.isNull()) {
            problem("quantity", "値がありません", "a value is required");
            return null;
        }
        if (!value.isNumber()) {
            problem("quantity", "数値でなければなりません", "must be a JSON number");
            return null;
        }
        BigDecimal quantity = value.decimalValue();
        if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 3
                || quantity.setScale(3, java.math.RoundingMode.UNNECESSARY).precision() > 10) {
            problem("quantity", "0より大きく、整数7桁・小数3桁までの数でなければなりません",
                    "must be above 0, with at most 7 digits before and 3 after the point");
            return null;
        }
        return quantity;
    }

    private Integer days() {
        JsonNode value = node.get("days");
        if (value == null || value.isNull()) {
            problem("days", "値がありません", "a value is required");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > 365) {
            problem("days", "1から365の整数でなければなりません", "must be a whole number from 1 to 365");
            return null;
        }
        return value.intValue();
    }

    private OffsetDateTime timestamp(String member) {
        String value = string(member, true);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            problem(member, "日時の形式が違います（ISO 8601、時差つき）", "not a date-time with offset (ISO 8601)");
            return null;
        }
    }

    private LocalDate date(String member, boolean required) {
        String value = string(member, required);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(member, "日付の形式が違います（YYYY-MM-DD）", "not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private LocalDate notFuture(String member, LocalDate day) {
        if (day != null && day.isAfter(today)) {
            problem(member, "未来の日付です", "a date in the future");
            return null;
        }
        return day;
    }

    private String matching(String member, Pattern pattern, String expected, boolean required) {
        String value = string(member, required);
        if (value == null) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            problem(member, "形式が違います（" + expected + "）", "not in the expected form (" + expected + ")");
            return null;
        }
        return value;
    }

    private String text(String member, int maxLength, boolean required) {
        String value = string(member, required);
        if (value == null) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            problem(member, maxLength + "文字を超えています", "longer than " + maxLength + " characters");
            return null;
        }
        if (CONTROL.matcher(value).find()) {
            problem(member, "制御文字が含まれています", "contains control characters");
            return null;
        }
        return value;
    }

    /** A string member; absent, null and "" are all "no value". */
    private String string(String member, boolean required) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull() || value.isTextual() && value.textValue().isEmpty()) {
            if (required) {
                problem(member, "値がありません", "a value is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(member, "文字列でなければなりません", "must be a JSON string");
            return null;
        }
        return value.textValue();
    }

    private void problem(String member, String ja, String en) {
        problems.add(new Problem(line, member, ja, en));
    }
}
