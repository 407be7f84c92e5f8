package jp.mynahealth.importer.checkups;

import java.time.LocalDate;

/**
 * Who sends an archive and when: what the writer puts into the index (ix08_V08.xml), the root
 * folder's name and the DATA file names.
 *
 * @param senderInsurerNumber the sending insurer's 8-digit 保険者番号
 * @param createdOn           the archive's creation date (作成年月日)
 */
public record CheckupArchiveHeader(String senderInsurerNumber, LocalDate createdOn) {

    public CheckupArchiveHeader {
        if (!CheckupFieldLimits.insurerNumber(senderInsurerNumber)) {
            throw new IllegalArgumentException("the sender's insurer number is not 8 digits");
        }
        if (createdOn == null) {
            throw new IllegalArgumentException("no creation date");
        }
    }
}
