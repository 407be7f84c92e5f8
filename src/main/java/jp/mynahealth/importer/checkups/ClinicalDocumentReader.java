package jp.mynahealth.importer.checkups;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams one 特定健診情報ファイル (an HL7 CDA R2 ClinicalDocument) into a {@link CheckupDocument}:
 * the header gives who, when, where and which program; every JLAC10 observation of the body,
 * at whatever depth (一連検査グループ nest them in entryRelationship), gives an item or a judgement.
 * Elements the read store does not keep are passed over.
 */
final class ClinicalDocumentReader {

    private static final String ROOT = "ClinicalDocument";
    private static final String PATIENT_ROLE = ROOT + "/recordTarget/patientRole";
    private static final String SERVICE_EVENT = ROOT + "/documentationOf/serviceEvent";

    private final ProblemCollector problems;

    ClinicalDocumentReader(ProblemCollector problems) {
        this.problems = problems;
    }

    /** The document, or null when it has problems (then reported under its record number). */
    CheckupDocument read(byte[] xml, long recordNumber, String entryName) {
        Parse parse = new Parse(recordNumber);
        try {
            XMLStreamReader reader = SafeXml.open(xml);
            try {
                parse.run(reader);
            } finally {
                reader.close();
            }
        } catch (SafeXml.DoctypeException e) {
            parse.report(entryName, "DOCTYPE（DTD）は受け付けません", "a DOCTYPE (DTD) is not accepted");
            return null;
        } catch (XMLStreamException e) {
            parse.report(entryName, "XMLとして読めません", "not well-formed XML: " + e.getMessage());
            return null;
        }
        if (parse.rootSeen) {
            return parse.document(entryName);
        }
        parse.report(entryName, "ClinicalDocument がありません", "no ClinicalDocument in the urn:hl7-org:v3 namespace");
        return null;
    }

    /** The state of one document's parse. */
    private final class Parse implements ObservationBuilder.Reporter {

        private final long recordNumber;
        private final List<String> path = new ArrayList<>();
        private final Deque<ObservationBuilder> observations = new ArrayDeque<>();
        private final Deque<Integer> observationDepths = new ArrayDeque<>();
        private final List<CheckupItem> items = new ArrayList<>();
        private StringBuilder capture;
        private int captureDepth = -1;
        private boolean failed;
        boolean rootSeen;

        private String reportCode;
        private String setIdRoot;
        private String setIdExtension;
        private String version;
        private String insurerNumber;
        private String symbol;
        private String number;
        private String branch;
        private final StringBuilder name = new StringBuilder();
        private boolean nameSeen;
        private String sex;
        private String birthTime;
        private String programCode;
        private String checkedOn;
        private String checkedOnLow;
        private String performer;
        private String author;
        private Integer metabolicJudgement;
        private Integer guidanceLevel;

        Parse(long recordNumber) {
            this.recordNumber = recordNumber;
        }

        @Override
        public void report(String field, String reasonJa, String reasonEn) {
            failed = true;
            problems.add(recordNumber, field, reasonJa, reasonEn);
        }

        void run(XMLStreamReader reader) throws XMLStreamException {
            while (reader.hasNext()) {
                switch (SafeXml.next(reader)) {
                    case XMLStreamReader.START_ELEMENT -> {
                        if (!start(reader)) {
                            return;
                        }
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                        if (capture != null) {
                            capture.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        }
                    }
                    case XMLStreamReader.END_ELEMENT -> end();
                    default -> {
                    }
                }
            }
        }

        /** False when the root is not a ClinicalDocument: nothing more of this file is read. */
        private boolean start(XMLStreamReader reader) {
            boolean hl7 = CheckupCodes.HL7_NS.equals(reader.getNamespaceURI());
            String local = reader.getLocalName();
            path.add(hl7 ? local : "{" + reader.getNamespaceURI() + "}" + local);
            if (path.size() == 1) {
                rootSeen = hl7 && local.equals(ROOT);
                return rootSeen;
            }
            if (capture != null && capture.length() > 0) {
                capture.append(' ');
            }
            if (!hl7) {
                return true;
            }
            if (local.equals("observation") && path.size() > 3 && path.get(1).equals("component")
                    && path.get(2).equals("structuredBody")) {
                observations.push(new ObservationBuilder());
                observationDepths.push(path.size());
            } else if (!observations.isEmpty()) {
                observationPart(reader, observations.peek(), path.subList(observationDepths.peek(), path.size()));
            } else {
                header(reader, String.join("/", path));
            }
            return true;
        }

        private void observationPart(XMLStreamReader reader, ObservationBuilder observation, List<String> part) {
            String joined = String.join("/", part);
            switch (joined) {
                case "code" -> {
                    observation.codeSystem = attribute(reader, "codeSystem");
                    observation.code = attribute(reader, "code");
                    observation.displayName = attribute(reader, "displayName");
                }
                case "value" -> {
                    observation.hasValue = true;
                    String type = reader.getAttributeValue(CheckupCodes.XSI_NS, "type");
                    observation.valueType = type == null ? null : type.substring(type.indexOf(':') + 1);
                    observation.valueNullFlavor = attribute(reader, "nullFlavor");
                    observation.value = attribute(reader, "value");
                    observation.unit = attribute(reader, "unit");
                    observation.valueCode = attribute(reader, "code");
                    observation.valueCodeSystem = attribute(reader, "codeSystem");
                    observation.valueDisplayName = attribute(reader, "displayName");
                    startCapture(observation.valueText);
                }
                case "interpretationCode" -> observation.interpretation = attribute(reader, "code");
                case "referenceRange/observationRange/value/low" -> observation.low = attribute(reader, "value");
                case "referenceRange/observationRange/value/high" -> observation.high = attribute(reader, "value");
                default -> {
                }
            }
        }

        private void header(XMLStreamReader reader, String at) {
            switch (at) {
                case ROOT + "/code" -> reportCode = attribute(reader, "code");
                case ROOT + "/setId" -> {
                    setIdRoot = attribute(reader, "root");
                    setIdExtension = attribute(reader, "extension");
                }
                case ROOT + "/versionNumber" -> version = attribute(reader, "value");
                case PATIENT_ROLE + "/id" -> patientId(attribute(reader, "root"), attribute(reader, "extension"));
                case PATIENT_ROLE + "/patient/name" -> {
                    if (!nameSeen) {
                        nameSeen = true;
                        startCapture(name);
                    }
                }
                case PATIENT_ROLE + "/patient/administrativeGenderCode" -> sex = attribute(reader, "code");
                case PATIENT_ROLE + "/patient/birthTime" -> birthTime = attribute(reader, "value");
                case SERVICE_EVENT + "/code" -> programCode = attribute(reader, "code");
                case SERVICE_EVENT + "/effectiveTime" -> checkedOn = attribute(reader, "value");
                case SERVICE_EVENT + "/effectiveTime/low" -> checkedOnLow = attribute(reader, "value");
                case SERVICE_EVENT + "/performer/assignedEntity/representedOrganization/id" -> {
                    if (CheckupCodes.INSTITUTION_NUMBER.equals(attribute(reader, "root"))) {
                        performer = attribute(reader, "extension");
                    }
                }
                case ROOT + "/author/assignedAuthor/representedOrganization/id" -> {
                    if (CheckupCodes.INSTITUTION_NUMBER.equals(attribute(reader, "root"))) {
                        author = attribute(reader, "extension");
                    }
                }
                default -> {
                }
            }
        }

        private void patientId(String root, String extension) {
            if (root == null) {
                return;
            }
            switch (root) {
                case CheckupCodes.INSURER_NUMBER -> insurerNumber = insurerNumber == null ? extension : insurerNumber;
                case CheckupCodes.INSURED_SYMBOL -> symbol = symbol == null ? extension : symbol;
                case CheckupCodes.INSURED_NUMBER -> number = number == null ? extension : number;
                case CheckupCodes.INSURED_BRANCH -> branch = branch == null ? extension : branch;
                default -> {
                }
            }
        }

        private void startCapture(StringBuilder target) {
            capture = target;
            captureDepth = path.size();
        }

        private void end() {
            if (capture != null && path.size() == captureDepth) {
                capture = null;
                captureDepth = -1;
            }
            if (!observationDepths.isEmpty() && path.size() == observationDepths.peek()) {
                observationDepths.pop();
                collect(observations.pop().build(this));
            }
            path.remove(path.size() - 1);
        }

        private void collect(ObservationBuilder.Result result) {
            if (result.item() != null) {
                if (items.size() == CheckupFieldLimits.MAX_ITEMS) {
                    report(ROOT + "/component/structuredBody", "検査項目が" + CheckupFieldLimits.MAX_ITEMS + "を超えています",
                            "more than " + CheckupFieldLimits.MAX_ITEMS + " items");
                }
                items.add(result.item());
            } else if (result.metabolicJudgement() != null && metabolicJudgement == null) {
                metabolicJudgement = result.metabolicJudgement();
            } else if (result.guidanceLevel() != null && guidanceLevel == null) {
                guidanceLevel = result.guidanceLevel();
            }
        }

        CheckupDocument document(String entryName) {
            if (!CheckupCodes.REPORT_CHECKUP.equals(reportCode)) {
                report(ROOT + "/code/@code", "報告区分が10（特定健診情報）ではありません", "the report category is not 10 (特定健診情報)");
            }
            String ids = PATIENT_ROLE + "/id[@root='";
            if (!CheckupFieldLimits.insurerNumber(insurerNumber)) {
                report(ids + CheckupCodes.INSURER_NUMBER + "']/@extension", "保険者番号がないか8桁の数字ではありません",
                        "the insurer number is missing or not 8 digits");
            }
            requireText(number, CheckupFieldLimits.MAX_NUMBER, ids + CheckupCodes.INSURED_NUMBER + "']/@extension",
                    "被保険者証等番号", "the insured person's number");
            if (!CheckupFieldLimits.within(symbol, CheckupFieldLimits.MAX_SYMBOL)) {
                report(ids + CheckupCodes.INSURED_SYMBOL + "']/@extension", "被保険者証等記号が長すぎます",
                        "the insured person's symbol is longer than " + CheckupFieldLimits.MAX_SYMBOL + " characters");
            }
            if (!CheckupFieldLimits.branch(branch)) {
                report(ids + CheckupCodes.INSURED_BRANCH + "']/@extension", "枝番が2桁の数字ではありません",
                        "the branch number is not 2 digits");
            }
            String personName = name.toString().strip();
            requireText(nameSeen ? personName : null, CheckupFieldLimits.MAX_NAME, PATIENT_ROLE + "/patient/name",
                    "受診者氏名", "the person's name");
            if (!"1".equals(sex) && !"2".equals(sex)) {
                report(PATIENT_ROLE + "/patient/administrativeGenderCode/@code", "男女区分が1か2ではありません",
                        "the sex is not 1 or 2");
            }
            LocalDate birthDate = requireDate(birthTime, PATIENT_ROLE + "/patient/birthTime/@value", "生年月日", "birth date");
            LocalDate checked = requireDate(checkedOn != null ? checkedOn : checkedOnLow, SERVICE_EVENT + "/effectiveTime/@value",
                    "健診実施年月日", "checkup date");
            String program = CheckupCodes.PROGRAMS.get(programCode);
            if (program == null) {
                report(SERVICE_EVENT + "/code/@code", "健診プログラム種別が010（特定健診）か020（広域連合の保健事業）ではありません",
                        "the program type is not 010 (特定健診) or 020 (後期高齢者健診)");
            }
            String institution = performer != null ? performer : author;
            if (!CheckupFieldLimits.institutionCode(institution)) {
                report(SERVICE_EVENT + "/performer/assignedEntity/representedOrganization/id[@root='"
                        + CheckupCodes.INSTITUTION_NUMBER + "']/@extension", "健診実施機関番号がないか10桁の数字ではありません",
                        "the institution number is missing or not 10 digits");
            }
            String setId = setIdRoot == null ? null : setIdExtension == null ? setIdRoot : setIdRoot + "^" + setIdExtension;
            if (!CheckupFieldLimits.within(setId, CheckupFieldLimits.MAX_SET_ID)) {
                report(ROOT + "/setId", "setId が長すぎます", "the setId is longer than " + CheckupFieldLimits.MAX_SET_ID + " characters");
            }
            if (version != null && !version.matches("[1-9]\\d{0,2}")) {
                report(ROOT + "/versionNumber/@value", "版番号が1〜999ではありません", "the version number is not 1 to 999");
            }
            checkItems();
            if (failed) {
                return null;
            }
            return new CheckupDocument(recordNumber, entryName, setId, version == null ? 1 : Integer.parseInt(version),
                    checked, program, institution, insurerNumber, symbol, number, branch, personName, birthDate,
                    Integer.parseInt(sex), metabolicJudgement, guidanceLevel, List.copyOf(items));
        }

        /** What only the whole document shows: no results, an item twice, a value the store cannot hold. */
        private void checkItems() {
            if (items.isEmpty()) {
                report("component", "検査結果がありません", "the document has no results");
            }
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (CheckupItem item : items) {
                if (!codes.add(item.code())) {
                    report("code", "同じ検査項目が2回あります", "the same item appears twice in one document");
                }
                if (!CheckupFieldLimits.storable(item.valueNumeric()) || !CheckupFieldLimits.storable(item.referenceLow())
                        || !CheckupFieldLimits.storable(item.referenceHigh())) {
                    report("value", "数値の桁が多すぎます（整数8桁・小数2桁まで）",
                            "a value with too many digits (8 whole and 2 decimal digits at most)");
                }
            }
        }

        private void requireText(String value, int max, String field, String ja, String en) {
            if (value == null || value.isBlank()) {
                report(field, ja + "がありません", en + " is missing");
            } else if (value.length() > max) {
                report(field, ja + "が" + max + "文字を超えています", en + " is longer than " + max + " characters");
            }
        }

        private LocalDate requireDate(String value, String field, String ja, String en) {
            LocalDate date = ArchiveControlFiles.date(value);
            if (date == null) {
                report(field, ja + "がないか日付（yyyyMMdd）ではありません", "the " + en + " is missing or not a date (yyyyMMdd)");
            }
            return date;
        }
    }

    private static String attribute(XMLStreamReader reader, String local) {
        return reader.getAttributeValue(null, local);
    }
}
