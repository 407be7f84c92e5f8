package jp.mynahealth.records;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How names are compared in searches: full-width and half-width forms are the same (NFKC), as are
 * hiragana and katakana, and upper and lower case. The same folding is done in SQL
 * ({@link #SQL_FOLD}) on the stored names, so "ろきそ", "ﾛｷｿ" and "ロキソ" all find ロキソプロフェン.
 */
public final class TextSearch {

    static final String HIRAGANA = "ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ";
    static final String KATAKANA = "ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ";

    /** Applies the folding to a column: {@code String.format(SQL_FOLD, "d.drug_name")}. */
    static final String SQL_FOLD = "lower(translate(normalize(%s, NFKC), '" + HIRAGANA + "', '" + KATAKANA + "'))";

    private TextSearch() {
    }

    public static String fold(String text) {
        String normalized = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            int index = HIRAGANA.indexOf(c);
            out.append(index >= 0 ? KATAKANA.charAt(index) : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern matching the folded text anywhere, with LIKE's own characters taken literally. */
    static String containsPattern(String folded) {
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
