package jp.mynahealth.importer;

/**
 * What is wrong with one record of a delivered file, said in both languages of the portal, so a
 * report can be read by the payer's operator (ja) and by the read-store operator (en).
 *
 * @param recordNumber the record's position in the file, from 1 (a line of a CSV or claims file, a
 *                     document of a checkup archive); 0 for the file as a whole
 * @param field        the field's name as the specification calls it, or empty for the whole record
 */
public record Problem(long recordNumber, String field, String reasonJa, String reasonEn) {

    public static Problem ofFile(String reasonJa, String reasonEn) {
        return new Problem(0, "", reasonJa, reasonEn);
    }

    @Override
    public String toString() {
        return "record " + recordNumber + (field.isEmpty() ? "" : ", " + field) + ": " + reasonEn + " / " + reasonJa;
    }
}
