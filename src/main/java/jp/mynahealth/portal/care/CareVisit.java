package jp.mynahealth.portal.care;

import java.util.List;

/**
 * The care one institution gave in one month under one category (外来, 入院, 歯科, 訪問看護), as
 * the list prints it: the texts are formatted once here, the template only prints them.
 *
 * @param month the visit month (令和8年11月)
 * @param kind  the institution's kind (診療所, 病院 …), or null when the institution list does not know it
 */
public record CareVisit(String month, String institution, String kind, String category, List<CareLine> lines) {
}
