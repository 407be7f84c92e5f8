package jp.mynahealth.importer.checkups;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the two control files of an archive: the 交換用基本情報 (ix08_V08.xml: who sent it, when,
 * and how many documents) and the 集計情報 (su08_V08.xml: how many persons). Neither lists file
 * names — the standard counts documents, it does not name them — so the counts are what the reader
 * checks the DATA folder against.
 */
final class ArchiveControlFiles {

    private ArchiveControlFiles() {
    }

    /** The document count the index states, or null when the index is unusable (problems reported). */
    static Long indexCount(byte[] xml, String entryName, ProblemCollector problems) {
        Map<String, String> values = read(xml, entryName, "index", problems);
        if (values == null) {
            return null;
        }
        String created = values.get("creationTime");
        if (created == null || date(created) == null) {
            problems.add(0, entryName + "/creationTime/@value", "作成年月日がないか日付ではありません",
                    "the creation date is missing or not a date (yyyyMMdd)");
        }
        String sender = values.get("sender/id");
        if (sender == null || sender.isBlank() || sender.length() > 10) {
            problems.add(0, entryName + "/sender/id/@extension", "送付元機関の番号がありません",
                    "the sender's number is missing or longer than 10 characters");
        }
        return count(values, "totalRecordCount", entryName, problems);
    }

    /** The person count the summary states, or null when the summary is unusable (problems reported). */
    static Long summaryCount(byte[] xml, String entryName, ProblemCollector problems) {
        Map<String, String> values = read(xml, entryName, "summary", problems);
        return values == null ? null : count(values, "totalSubjectCount", entryName, problems);
    }

    private static Long count(Map<String, String> values, String element, String entryName, ProblemCollector problems) {
        String value = values.get(element);
        if (value == null || !value.matches("\\d{1,9}")) {
            problems.add(0, entryName + "/" + element + "/@value", element + " がないか数ではありません",
                    element + " is missing or not a count");
            return null;
        }
        return Long.parseLong(value);
    }

    /**
     * The value (or extension, for ids) of each element of interest by its path below the root;
     * the files are a handful of elements, so a flat map is all the structure needed.
     */
    private static Map<String, String> read(byte[] xml, String entryName, String rootName, ProblemCollector problems) {
        Map<String, String> values = new HashMap<>();
        try {
            XMLStreamReader reader = SafeXml.open(xml);
            StringBuilder path = new StringBuilder();
            int depth = 0;
            while (reader.hasNext()) {
                int event = SafeXml.next(reader);
                if (event == XMLStreamReader.START_ELEMENT) {
                    String local = reader.getLocalName();
                    if (depth == 0 && (!local.equals(rootName) || !CheckupCodes.MHLW_NS.equals(reader.getNamespaceURI()))) {
                        problems.add(0, entryName, "ルート要素が " + rootName + " ではありません",
                                "the root element is not " + rootName + " in the MHLW namespace");
                        return null;
                    }
                    if (depth > 0) {
                        path.append(path.length() == 0 ? "" : "/").append(local);
                        String value = reader.getAttributeValue(null, local.equals("id") ? "extension" : "value");
                        if (value != null) {
                            values.putIfAbsent(path.toString(), value);
                        }
                    }
                    depth++;
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    depth--;
                    int slash = path.lastIndexOf("/");
                    path.setLength(Math.max(slash, 0));
                }
            }
            return values;
        } catch (SafeXml.DoctypeException e) {
            problems.add(0, entryName, "DOCTYPE（DTD）は受け付けません", "a DOCTYPE (DTD) is not accepted");
        } catch (XMLStreamException e) {
            problems.add(0, entryName, "XMLとして読めません", "not well-formed XML: " + e.getMessage());
        }
        return null;
    }

    static LocalDate date(String value) {
        if (value == null || value.length() < 8) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
