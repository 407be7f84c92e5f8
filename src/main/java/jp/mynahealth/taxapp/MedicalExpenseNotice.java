package jp.mynahealth.taxapp;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the return takes from a verified 医療費通知情報: whose it is, the year, its lines and their
 * totals. One file is one person's year. Built only from a document {@link SignedNoticeVerifier}
 * has accepted; a file whose stated totals differ from its lines is refused as well.
 *
 * @param patient   医療を受けた人 (Shimei)
 * @param year      the calendar year of the notice (TaishoKikan)
 * @param createdOn 作成日
 * @param insurer   the insurer that made it (sakuseiNM)
 * @param lines     明細, as in the file
 */
public record MedicalExpenseNotice(String patient, int year, LocalDate createdOn, String insurer, List<Line> lines) {

    /** One 明細: a month, an institution and a kind of care. Amounts in yen. */
    public record Line(YearMonth month, String category, int days, String institution, long totalCost, long insurerShare,
            long publicShare, long patientShare, String insurerName) {
    }

    /** 支払った医療費 as the notice states it: the 窓口相当負担額 of every line. */
    public long paid() {
        return lines.stream().mapToLong(Line::patientShare).sum();
    }

    /** 医療費の総額 (what the care cost before the insurer's and public shares). */
    public long totalCost() {
        return lines.stream().mapToLong(Line::totalCost).sum();
    }

    public int count() {
        return lines.size();
    }

    static MedicalExpenseNotice of(Element notice) {
        try {
            Element period = child(notice, "TaishoKikan");
            int year = YearMonth.parse(text(period, "Kaishi")).getYear();
            if (YearMonth.parse(text(period, "Shuryo")).getYear() != year) {
                throw new NoticeContentException("the notice spans more than one year");
            }
            List<Line> lines = new ArrayList<>();
            for (Node node = notice.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element line && "Meisai".equals(line.getLocalName())) {
                    lines.add(new Line(YearMonth.parse(text(line, "ShinryoNengetsu")), text(line, "ShinryoKubun"),
                            Integer.parseInt(text(line, "Nissu")), text(line, "IryoKikanMeisho"), yen(line, "IryohiSogaku"),
                            yen(line, "HokenshaFutan"), yen(line, "SonotaKohiFutan"), yen(line, "MadoguchiSotoFutan"),
                            text(line, "HokenshaMeisho")));
                }
            }
            MedicalExpenseNotice result = new MedicalExpenseNotice(text(child(notice, "Shikaku"), "Shimei"), year,
                    LocalDate.parse(text(notice, "SakuseiBi")), notice.getAttribute("sakuseiNM"), List.copyOf(lines));
            Element stated = child(notice, "Gokei");
            if (yen(stated, "MadoguchiSotoFutan") != result.paid() || yen(stated, "IryohiSogaku") != result.totalCost()) {
                throw new NoticeContentException("the stated totals differ from the sum of the lines");
            }
            if (result.lines.stream().anyMatch(line -> line.month().getYear() != year)) {
                throw new NoticeContentException("a line outside the notice's year");
            }
            return result;
        } catch (RuntimeException e) {
            throw e instanceof NoticeContentException known ? known : new NoticeContentException("unreadable notice: " + e, e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && SignedNoticeVerifier.NAMESPACE.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        throw new NoticeContentException("no " + name);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }

    private static long yen(Element parent, String name) {
        long amount = Long.parseLong(text(parent, name));
        if (amount < 0) {
            throw new NoticeContentException("a negative amount in " + name);
        }
        return amount;
    }

    /** The signed file is not a notice this software can use (wrong year, totals that do not add up, a missing item). */
    static final class NoticeContentException extends RuntimeException {
        NoticeContentException(String message) {
            super(message);
        }

        NoticeContentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
