package jp.mynahealth.importer.checkups;

import java.util.Set;

/**
 * The writer's half of the round trip: a document is written only if the reader would read it back
 * equal — within the field limits, in XML-safe characters, without the whitespace the reader trims.
 */
final class WritableDocuments {

    private static final Set<String> JUDGEMENTS = Set.of(CheckupCodes.METABOLIC_JUDGEMENT, CheckupCodes.GUIDANCE_LEVEL);

    private WritableDocuments() {
    }

    static void require(CheckupDocument d) {
        check(CheckupFieldLimits.insurerNumber(d.insurerNumber()), "insurer number not 8 digits");
        check(CheckupFieldLimits.institutionCode(d.institutionCode()), "institution code not 10 digits");
        check(CheckupFieldLimits.branch(d.branch()), "branch not 2 digits");
        check(d.number() != null && !d.number().isEmpty(), "no insured person's number");
        attribute(d.number(), CheckupFieldLimits.MAX_NUMBER, "number");
        attribute(d.symbol(), CheckupFieldLimits.MAX_SYMBOL, "symbol");
        attribute(d.setId(), CheckupFieldLimits.MAX_SET_ID, "setId");
        check(d.setId() == null || !d.setId().isEmpty() && !d.setId().startsWith("^"), "setId without a root");
        check(d.name() != null && !d.name().isEmpty(), "no name");
        text(d.name(), CheckupFieldLimits.MAX_NAME, "name");
        check(d.version() >= 1 && d.version() <= CheckupFieldLimits.MAX_VERSION, "version not 1 to 999");
        check(d.checkedOn() != null && d.birthDate() != null, "no checkup or birth date");
        check(CheckupCodes.PROGRAM_CODES.containsKey(d.program()), "program neither 特定健診 nor 後期高齢者健診");
        check(d.sex() == 1 || d.sex() == 2, "sex not 1 or 2");
        check(judgement(d.metabolicJudgement()) && judgement(d.guidanceLevel()), "judgement not 1 to 4");
        check(d.items() != null && d.items().size() <= CheckupFieldLimits.MAX_ITEMS, "no item list or too many items");
        for (CheckupItem item : d.items()) {
            item(item);
        }
    }

    private static void item(CheckupItem item) {
        String at = " of item " + item.code();
        check(CheckupFieldLimits.jlac10(item.code()), "JLAC10 code not 17 letters or digits" + at);
        check(!JUDGEMENTS.contains(item.code()), "a judgement given as an item" + at);
        check(item.valueNumeric() == null ^ item.valueText() == null, "not exactly one of numeric and text value" + at);
        check(CheckupFieldLimits.decimal(item.valueNumeric()), "numeric value out of range" + at);
        check(CheckupFieldLimits.decimal(item.referenceLow()) && CheckupFieldLimits.decimal(item.referenceHigh()),
                "reference limit out of range" + at);
        check(item.valueText() == null || !item.valueText().isEmpty(), "empty text value" + at);
        check(item.valueText() == null || item.unit() == null, "a unit on a text value" + at);
        check(item.flag() == null || item.flag().equals("H") || item.flag().equals("L"), "flag not H or L" + at);
        text(item.valueText(), CheckupFieldLimits.MAX_VALUE_TEXT, "value" + at);
        attribute(item.name(), CheckupFieldLimits.MAX_ITEM_NAME, "name" + at);
        attribute(item.unit(), CheckupFieldLimits.MAX_UNIT, "unit" + at);
    }

    private static boolean judgement(Integer value) {
        return value == null || value >= 1 && value <= 4;
    }

    /** Element text: line breaks survive, CR does not (XML turns CRLF into LF), edges are trimmed. */
    private static void text(String value, int max, String what) {
        check(CheckupFieldLimits.within(value, max), what + " longer than " + max);
        check(CheckupFieldLimits.xmlText(value) && (value == null || value.indexOf('\r') < 0),
                what + " holds characters XML cannot carry");
        check(value == null || value.equals(value.strip()), what + " has leading or trailing white space");
    }

    /** Attribute values: XML normalises tabs and line breaks in them to spaces, so none may be there. */
    private static void attribute(String value, int max, String what) {
        check(CheckupFieldLimits.within(value, max), what + " longer than " + max);
        check(value == null || value.chars().noneMatch(c -> c < 0x20) && CheckupFieldLimits.xmlText(value),
                what + " holds control characters");
    }

    private static void check(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException("cannot write the checkup document: " + reason);
        }
    }
}
