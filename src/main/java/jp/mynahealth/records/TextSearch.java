package jp.mynahealth.records;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How names are compared in searches: full-width and half-width forms are the same (NFKC), as are
 * hiragana and katakana, and upper and lower case, so "ろきそ", "ﾛｷｿ" and "ロキソ" all find ロキソプロフェン.
 * <p>
 * The search text is folded here, in Java. The stored names are only NFKC-normalised in SQL
 * ({@link #SQL_NAME_MATCHES}) and matched with a case-insensitive regular expression in which every
 * kana accepts both its katakana and hiragana form ({@link #containsRegex}). Folding the stored names
 * instead (translate() over the 86 kana, per row) cost PostgreSQL about 13 µs a line, most of a
 * searched drug page.
 */
public final class TextSearch {

    static final String HIRAGANA = "ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ";
    static final String KATAKANA = "ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ";

    /**
     * Whether a stored name contains a search: {@code String.format(SQL_NAME_MATCHES, "d.drug_name", ":name")},
     * with {@code :name} bound to {@link #containsRegex}.
     */
    static final String SQL_NAME_MATCHES = "normalize(%s, NFKC) ~* %s";

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

    /**
     * A PostgreSQL regular expression (for {@code ~*}, which ignores case) that finds the folded text
     * anywhere: a kana matches its katakana or hiragana form, and every other character is taken
     * literally. ASCII punctuation is escaped, so the pattern has no operators a search could use:
     * only literals and bracket pairs, matched in linear time.
     */
    static String containsRegex(String folded) {
        StringBuilder regex = new StringBuilder(folded.length() * 4);
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            int kana = KATAKANA.indexOf(c);
            if (kana >= 0) {
                regex.append('[').append(c).append(HIRAGANA.charAt(kana)).append(']');
            } else if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                // In PostgreSQL's regular expressions a backslash before a non-alphanumeric character makes it literal.
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        return regex.toString();
    }
}
