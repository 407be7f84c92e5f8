package jp.mynahealth.importer.checkups;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one {@link CheckupDocument} as a 特定健診情報ファイル: the CDA header elements the MHLW
 * specification requires and one section with an observation per item, then the two judgements.
 */
final class ClinicalDocumentWriter {

    private static final String CONFIDENTIALITY = "2.16.840.1.113883.5.25";

    private ClinicalDocumentWriter() {
    }

    static void write(CheckupDocument document, LocalDate createdOn, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = SafeXml.output().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(CheckupCodes.HL7_NS);
        xml.writeStartElement(CheckupCodes.HL7_NS, "ClinicalDocument");
        xml.writeDefaultNamespace(CheckupCodes.HL7_NS);
        xml.writeNamespace("xsi", CheckupCodes.XSI_NS);
        empty(xml, "typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
        empty(xml, "id", "nullFlavor", "NI");
        empty(xml, "code", "code", CheckupCodes.REPORT_CHECKUP, "codeSystem", CheckupCodes.REPORT_CATEGORY);
        empty(xml, "effectiveTime", "value", date(createdOn));
        empty(xml, "confidentialityCode", "code", "N", "codeSystem", CONFIDENTIALITY);
        if (document.setId() != null) {
            int caret = document.setId().indexOf('^');
            if (caret < 0) {
                empty(xml, "setId", "root", document.setId());
            } else {
                empty(xml, "setId", "root", document.setId().substring(0, caret), "extension",
                        document.setId().substring(caret + 1));
            }
        }
        if (document.setId() != null || document.version() != 1) {
            empty(xml, "versionNumber", "value", Integer.toString(document.version()));
        }
        recordTarget(xml, document);
        organization(xml, "author", document.institutionCode(), createdOn);
        xml.writeStartElement("custodian");
        xml.writeStartElement("assignedCustodian");
        xml.writeStartElement("representedCustodianOrganization");
        empty(xml, "id", "nullFlavor", "NI");
        end(xml, 3);
        serviceEvent(xml, document);
        body(xml, document);
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static void recordTarget(XMLStreamWriter xml, CheckupDocument document) throws XMLStreamException {
        xml.writeStartElement("recordTarget");
        xml.writeStartElement("patientRole");
        empty(xml, "id", "root", CheckupCodes.INSURER_NUMBER, "extension", document.insurerNumber());
        if (document.symbol() != null) {
            empty(xml, "id", "root", CheckupCodes.INSURED_SYMBOL, "extension", document.symbol());
        }
        empty(xml, "id", "root", CheckupCodes.INSURED_NUMBER, "extension", document.number());
        if (document.branch() != null) {
            empty(xml, "id", "root", CheckupCodes.INSURED_BRANCH, "extension", document.branch());
        }
        xml.writeStartElement("patient");
        xml.writeStartElement("name");
        xml.writeCharacters(document.name());
        xml.writeEndElement();
        empty(xml, "administrativeGenderCode", "code", Integer.toString(document.sex()), "codeSystem", CheckupCodes.SEX);
        empty(xml, "birthTime", "value", date(document.birthDate()));
        end(xml, 3);
    }

    private static void organization(XMLStreamWriter xml, String role, String institution, LocalDate time)
            throws XMLStreamException {
        xml.writeStartElement(role);
        empty(xml, "time", "value", date(time));
        xml.writeStartElement("assignedAuthor");
        empty(xml, "id", "nullFlavor", "NI");
        xml.writeStartElement("representedOrganization");
        empty(xml, "id", "root", CheckupCodes.INSTITUTION_NUMBER, "extension", institution);
        end(xml, 3);
    }

    private static void serviceEvent(XMLStreamWriter xml, CheckupDocument document) throws XMLStreamException {
        xml.writeStartElement("documentationOf");
        xml.writeStartElement("serviceEvent");
        empty(xml, "code", "code", CheckupCodes.PROGRAM_CODES.get(document.program()), "codeSystem",
                CheckupCodes.PROGRAM_TYPE);
        empty(xml, "effectiveTime", "value", date(document.checkedOn()));
        xml.writeStartElement("performer");
        xml.writeAttribute("typeCode", "PRF");
        xml.writeStartElement("assignedEntity");
        empty(xml, "id", "nullFlavor", "NI");
        xml.writeStartElement("representedOrganization");
        empty(xml, "id", "root", CheckupCodes.INSTITUTION_NUMBER, "extension", document.institutionCode());
        end(xml, 5);
    }

    private static void body(XMLStreamWriter xml, CheckupDocument document) throws XMLStreamException {
        xml.writeStartElement("component");
        xml.writeStartElement("structuredBody");
        xml.writeStartElement("component");
        xml.writeStartElement("section");
        empty(xml, "code", "code", CheckupCodes.SECTIONS.get(document.program()), "codeSystem", CheckupCodes.SECTION);
        xml.writeStartElement("title");
        xml.writeCharacters("検査・問診結果");
        xml.writeEndElement();
        empty(xml, "text");
        for (CheckupItem item : document.items()) {
            observation(xml, item);
        }
        judgement(xml, CheckupCodes.METABOLIC_JUDGEMENT, "メタボリックシンドローム判定", document.metabolicJudgement(),
                CheckupCodes.METABOLIC_JUDGEMENT_CODES);
        judgement(xml, CheckupCodes.GUIDANCE_LEVEL, "保健指導レベル", document.guidanceLevel(),
                CheckupCodes.GUIDANCE_LEVEL_CODES);
        end(xml, 4);
    }

    private static void observation(XMLStreamWriter xml, CheckupItem item) throws XMLStreamException {
        startObservation(xml, item.code(), item.name());
        if (item.valueNumeric() != null) {
            xml.writeStartElement("value");
            xml.writeAttribute("xsi", CheckupCodes.XSI_NS, "type", "PQ");
            xml.writeAttribute("value", item.valueNumeric().toPlainString());
            if (item.unit() != null) {
                xml.writeAttribute("unit", item.unit());
            }
            xml.writeEndElement();
        } else {
            CheckupCodes.CodeTable table = CheckupCodes.CODED_ITEMS.get(item.code());
            String code = table == null ? null : table.codeOf(item.valueText());
            xml.writeStartElement("value");
            if (code != null) {
                xml.writeAttribute("xsi", CheckupCodes.XSI_NS, "type", "CO");
                xml.writeAttribute("code", code);
                xml.writeAttribute("codeSystem", table.oid());
                xml.writeAttribute("displayName", item.valueText());
            } else {
                xml.writeAttribute("xsi", CheckupCodes.XSI_NS, "type", "ST");
                xml.writeCharacters(item.valueText());
            }
            xml.writeEndElement();
        }
        if (item.flag() != null) {
            empty(xml, "interpretationCode", "code", item.flag(), "codeSystem", CheckupCodes.INTERPRETATION);
        }
        if (item.referenceLow() != null || item.referenceHigh() != null) {
            xml.writeStartElement("referenceRange");
            xml.writeStartElement("observationRange");
            xml.writeAttribute("classCode", "OBS");
            xml.writeAttribute("moodCode", "EVN.CRT");
            xml.writeStartElement("value");
            xml.writeAttribute("xsi", CheckupCodes.XSI_NS, "type", "IVL_PQ");
            bound(xml, "low", item.referenceLow(), item.unit());
            bound(xml, "high", item.referenceHigh(), item.unit());
            end(xml, 3);
        }
        end(xml, 2);
    }

    private static void judgement(XMLStreamWriter xml, String code, String name, Integer value, String codeSystem)
            throws XMLStreamException {
        if (value == null) {
            return;
        }
        startObservation(xml, code, name);
        xml.writeStartElement("value");
        xml.writeAttribute("xsi", CheckupCodes.XSI_NS, "type", "CO");
        xml.writeAttribute("code", value.toString());
        xml.writeAttribute("codeSystem", codeSystem);
        xml.writeEndElement();
        end(xml, 2);
    }

    private static void startObservation(XMLStreamWriter xml, String code, String name) throws XMLStreamException {
        xml.writeStartElement("entry");
        xml.writeStartElement("observation");
        xml.writeAttribute("classCode", "OBS");
        xml.writeAttribute("moodCode", "EVN");
        xml.writeStartElement("code");
        xml.writeAttribute("code", code);
        xml.writeAttribute("codeSystem", CheckupCodes.JLAC10);
        if (name != null) {
            xml.writeAttribute("displayName", name);
        }
        xml.writeEndElement();
    }

    private static void bound(XMLStreamWriter xml, String element, BigDecimal value, String unit)
            throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement(element);
        xml.writeAttribute("value", value.toPlainString());
        if (unit != null) {
            xml.writeAttribute("unit", unit);
        }
        xml.writeEndElement();
    }

    private static void empty(XMLStreamWriter xml, String element, String... attributes) throws XMLStreamException {
        xml.writeEmptyElement(element);
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    private static void end(XMLStreamWriter xml, int elements) throws XMLStreamException {
        for (int i = 0; i < elements; i++) {
            xml.writeEndElement();
        }
    }

    static String date(LocalDate date) {
        return date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
