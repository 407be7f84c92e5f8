package jp.mynahealth.importer.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed reference data of the demo store: real-looking (but fictional) insurers and
 * institutions in six prefectures, common Japanese names, and real generic drug names.
 * Drug codes follow the YJ code layout (ingredient in the first 7 characters) but are demo codes.
 */
final class DemoCatalog {

    record Insurer(String number, String name, String kind, int prefecture) {
    }

    record Institution(String code, String name, String kind, int prefecture) {
    }

    record Municipality(String code, String name, int prefecture) {
    }

    record Name(String kanji, String kana) {
    }

    /** A drug as dispensed: perDay is units a day for 内服 and 注射, units per course for 頓服 and 外用. */
    record Drug(String code, String name, boolean generic, String category, String unit, String usage,
            double perDay, double yenPerUnit) {

        String ingredient() {
            return code.substring(0, 7);
        }
    }

    static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("131016", "千代田区", 13),
            new Municipality("131130", "渋谷区", 13),
            new Municipality("141003", "横浜市", 14),
            new Municipality("141305", "川崎市", 14),
            new Municipality("231002", "名古屋市", 23),
            new Municipality("271004", "大阪市", 27),
            new Municipality("011002", "札幌市", 1),
            new Municipality("401307", "福岡市", 40));

    static final int[] PREFECTURES = { 13, 14, 23, 27, 1, 40 };

    static final Name[] FAMILY_NAMES = {
        new Name("佐藤", "サトウ"), new Name("鈴木", "スズキ"), new Name("高橋", "タカハシ"), new Name("田中", "タナカ"),
        new Name("伊藤", "イトウ"), new Name("渡辺", "ワタナベ"), new Name("山本", "ヤマモト"), new Name("中村", "ナカムラ"),
        new Name("小林", "コバヤシ"), new Name("加藤", "カトウ"), new Name("吉田", "ヨシダ"), new Name("山田", "ヤマダ"),
        new Name("佐々木", "ササキ"), new Name("山口", "ヤマグチ"), new Name("松本", "マツモト"), new Name("井上", "イノウエ"),
        new Name("木村", "キムラ"), new Name("林", "ハヤシ"), new Name("斎藤", "サイトウ"), new Name("清水", "シミズ"),
        new Name("山崎", "ヤマザキ"), new Name("森", "モリ"), new Name("池田", "イケダ"), new Name("橋本", "ハシモト"),
        new Name("阿部", "アベ"), new Name("石川", "イシカワ"), new Name("山下", "ヤマシタ"), new Name("中島", "ナカジマ"),
        new Name("石井", "イシイ"), new Name("小川", "オガワ"), new Name("前田", "マエダ"), new Name("岡田", "オカダ"),
        new Name("長谷川", "ハセガワ"), new Name("藤田", "フジタ"), new Name("後藤", "ゴトウ"), new Name("近藤", "コンドウ") };

    static final Name[] MALE_NAMES = {
        new Name("浩", "ヒロシ"), new Name("誠", "マコト"), new Name("健一", "ケンイチ"), new Name("大輔", "ダイスケ"),
        new Name("直樹", "ナオキ"), new Name("達也", "タツヤ"), new Name("和也", "カズヤ"), new Name("翔太", "ショウタ"),
        new Name("拓也", "タクヤ"), new Name("隆", "タカシ"), new Name("修", "オサム"), new Name("茂", "シゲル"),
        new Name("清", "キヨシ"), new Name("勇", "イサム"), new Name("蓮", "レン"), new Name("陽翔", "ハルト"),
        new Name("湊", "ミナト"), new Name("悠真", "ユウマ"), new Name("大翔", "ヒロト"), new Name("颯太", "ソウタ") };

    static final Name[] FEMALE_NAMES = {
        new Name("恵子", "ケイコ"), new Name("幸子", "サチコ"), new Name("洋子", "ヨウコ"), new Name("久美子", "クミコ"),
        new Name("由美", "ユミ"), new Name("直美", "ナオミ"), new Name("愛", "アイ"), new Name("美穂", "ミホ"),
        new Name("麻衣", "マイ"), new Name("彩", "アヤ"), new Name("和子", "カズコ"), new Name("節子", "セツコ"),
        new Name("陽葵", "ヒマリ"), new Name("凛", "リン"), new Name("結菜", "ユイナ"), new Name("芽依", "メイ"),
        new Name("紬", "ツムギ"), new Name("葵", "アオイ"), new Name("美咲", "ミサキ"), new Name("真由美", "マユミ") };

    static final List<Insurer> INSURERS = insurers();
    static final List<Institution> INSTITUTIONS = institutions();

    // 内服 chronic regimens
    static final Drug AMLODIPINE = new Drug("2171022F2160", "アムロジピン錠5mg「サワイ」", true, "内服", "錠", "1日1回朝食後", 1, 10.1);
    static final Drug OLMESARTAN = new Drug("2149044F2095", "オルメサルタン錠20mg「DSEP」", true, "内服", "錠", "1日1回朝食後", 1, 15.2);
    static final Drug ROSUVASTATIN = new Drug("2189017F1118", "ロスバスタチン錠2.5mg「DSEP」", true, "内服", "錠", "1日1回夕食後", 1, 10.4);
    static final Drug ATORVASTATIN = new Drug("2189015F1259", "アトルバスタチン錠10mg「サワイ」", true, "内服", "錠", "1日1回夕食後", 1, 13.1);
    static final Drug METFORMIN = new Drug("3962002F1160", "メトホルミン塩酸塩錠250mgMT「トーワ」", true, "内服", "錠", "1日2回朝夕食後", 2, 10.1);
    static final Drug SITAGLIPTIN = new Drug("3969010F1026", "ジャヌビア錠50mg", false, "内服", "錠", "1日1回朝食後", 1, 107.1);
    static final Drug FEBUXOSTAT = new Drug("3949004F1093", "フェブキソスタット錠20mg「サワイ」", true, "内服", "錠", "1日1回朝食後", 1, 19.9);
    static final Drug LANSOPRAZOLE = new Drug("2329023F2123", "ランソプラゾールOD錠15mg「トーワ」", true, "内服", "錠", "1日1回朝食後", 1, 17.9);
    static final Drug ASPIRIN = new Drug("3399007H1021", "アスピリン腸溶錠100mg「JG」", true, "内服", "錠", "1日1回朝食後", 1, 5.7);
    static final Drug MAGNESIUM_OXIDE = new Drug("2344009F1097", "酸化マグネシウム錠330mg「ケンエー」", true, "内服", "錠", "1日3回毎食後", 3, 5.7);
    static final Drug BROTIZOLAM = new Drug("1124009F1180", "ブロチゾラム錠0.25mg「サワイ」", true, "内服", "錠", "1日1回就寝前", 1, 10.1);
    static final Drug MONTELUKAST = new Drug("4490026F1179", "モンテルカスト錠10mg「KM」", true, "内服", "錠", "1日1回就寝前", 1, 23.3);
    static final Drug FEXOFENADINE = new Drug("4490023F1233", "フェキソフェナジン塩酸塩錠60mg「サワイ」", true, "内服", "錠", "1日2回朝夕食後", 2, 13.0);
    static final Drug INSULIN_GLARGINE = new Drug("2492415G1022", "インスリン グラルギンBS注ミリオペン「リリー」", true, "注射", "キット", "1日1回朝 皮下注射", 0.1, 1297.0);

    // acute courses
    static final Drug CARBOCISTEINE = new Drug("2233002F2100", "カルボシステイン錠500mg「サワイ」", true, "内服", "錠", "1日3回毎食後", 3, 6.1);
    static final Drug AMBROXOL = new Drug("2239001F1163", "アンブロキソール塩酸塩錠15mg「サワイ」", true, "内服", "錠", "1日3回毎食後", 3, 5.9);
    static final Drug TRANEXAMIC_ACID = new Drug("3327002F1140", "トラネキサム酸錠250mg「YD」", true, "内服", "錠", "1日3回毎食後", 3, 10.1);
    static final Drug DEXTROMETHORPHAN = new Drug("2223001F1130", "デキストロメトルファン臭化水素酸塩錠15mg「NP」", true, "内服", "錠", "1日3回毎食後", 3, 5.7);
    static final Drug LOXOPROFEN = new Drug("1149019F1560", "ロキソプロフェンNa錠60mg「サワイ」", true, "内服", "錠", "1日3回毎食後", 3, 9.8);
    static final Drug LOXONIN = new Drug("1149019F1021", "ロキソニン錠60mg", false, "内服", "錠", "1日3回毎食後", 3, 10.1);
    static final Drug LOXOPROFEN_AS_NEEDED = new Drug("1149019F1560", "ロキソプロフェンNa錠60mg「サワイ」", true, "頓服", "錠", "疼痛時 1回1錠", 10, 9.8);
    static final Drug REBAMIPIDE = new Drug("2329021F1269", "レバミピド錠100mg「サワイ」", true, "内服", "錠", "1日3回毎食後", 3, 10.1);
    static final Drug CALONAL = new Drug("1141007F1063", "カロナール錠200", false, "頓服", "錠", "発熱時 1回2錠", 10, 7.1);
    static final Drug AMOXICILLIN = new Drug("6131001M2038", "アモキシシリンカプセル250mg「トーワ」", true, "内服", "カプセル", "1日3回毎食後", 6, 10.6);
    static final Drug CEFCAPENE = new Drug("6132016F1182", "セフカペンピボキシル塩酸塩錠100mg「サワイ」", true, "内服", "錠", "1日3回毎食後", 3, 21.4);
    static final Drug CLARITHROMYCIN = new Drug("6149003F2178", "クラリスロマイシン錠200mg「サワイ」", true, "内服", "錠", "1日2回朝夕食後", 2, 26.4);
    static final Drug HEPARINOID = new Drug("3339950N1104", "ヘパリン類似物質油性クリーム0.3%「日医工」", true, "外用", "g", "1日数回 患部に塗布", 50, 4.1);
    static final Drug LOXOPROFEN_TAPE = new Drug("2649735S1087", "ロキソプロフェンNaテープ100mg「ユートク」", true, "外用", "枚", "1日1回 患部に貼付", 14, 15.1);
    static final Drug HYALURONATE_EYE_DROPS = new Drug("1319720Q1160", "ヒアルロン酸Na点眼液0.1%「センジュ」", true, "外用", "本", "1日5回 両眼に点眼", 2, 92.2);

    // children's courses
    static final Drug CARBOCISTEINE_SYRUP = new Drug("2233002R2037", "カルボシステインDS50%「タカタ」", true, "内服", "g", "1日3回毎食後", 0.9, 6.3);
    static final Drug AMBROXOL_CHILD = new Drug("2239001R2030", "アンブロキソール塩酸塩DS小児用1.5%「タカタ」", true, "内服", "g", "1日3回毎食後", 0.9, 14.1);
    static final Drug AMOXICILLIN_GRANULES = new Drug("6131001C1210", "アモキシシリン細粒20%「TCK」", true, "内服", "g", "1日3回毎食後", 1.2, 13.3);
    static final Drug TULOBUTEROL_TAPE = new Drug("2259707S2034", "ツロブテロールテープ1mg「サワイ」", true, "外用", "枚", "1日1回 胸か背中に貼付", 7, 20.4);
    static final Drug ACETAMINOPHEN_SUPPOSITORY = new Drug("1141700J2057", "アセトアミノフェン坐剤小児用200mg「JG」", true, "外用", "個", "発熱時 1回1個 肛門に挿入", 5, 19.7);

    // Brand drugs whose generics are above (same first 9 characters of the YJ code): the drug page's
    // generic saving. Declared last, so the master file only gains lines at its end.
    static final Drug CLARITH = new Drug("6149003F2020", "クラリス錠200", false, "内服", "錠", "1日2回朝夕食後", 2, 37.2);
    static final Drug MUCODYNE = new Drug("2233002F2028", "ムコダイン錠500mg", false, "内服", "錠", "1日3回毎食後", 3, 10.9);

    static final List<List<Drug>> ADULT_ACUTE_COURSES = List.of(
            List.of(CARBOCISTEINE, AMBROXOL, CALONAL),
            List.of(DEXTROMETHORPHAN, TRANEXAMIC_ACID, CARBOCISTEINE),
            List.of(CEFCAPENE, CARBOCISTEINE),
            List.of(CLARITHROMYCIN, AMBROXOL),
            List.of(AMOXICILLIN, CALONAL),
            List.of(LOXOPROFEN, REBAMIPIDE, LOXOPROFEN_TAPE),
            List.of(LOXOPROFEN_AS_NEEDED, REBAMIPIDE),
            List.of(HEPARINOID),
            List.of(HYALURONATE_EYE_DROPS));

    static final List<List<Drug>> CHILD_ACUTE_COURSES = List.of(
            List.of(CARBOCISTEINE_SYRUP, AMBROXOL_CHILD, TULOBUTEROL_TAPE),
            List.of(AMOXICILLIN_GRANULES, ACETAMINOPHEN_SUPPOSITORY),
            List.of(CARBOCISTEINE_SYRUP, ACETAMINOPHEN_SUPPOSITORY),
            List.of(HEPARINOID));

    private DemoCatalog() {
    }

    private static List<Insurer> insurers() {
        List<Insurer> list = new ArrayList<>();
        String[] prefectureNames = { "", "北海道", "", "", "", "", "", "", "", "", "", "", "", "東京都", "神奈川県", "", "", "", "",
            "", "", "", "", "愛知県", "", "", "", "大阪府", "", "", "", "", "", "", "", "", "", "", "", "", "福岡県" };
        String[] prefectureShort = { "", "北海道", "", "", "", "", "", "", "", "", "", "", "", "東京", "神奈川", "", "", "", "",
            "", "", "", "", "愛知", "", "", "", "大阪", "", "", "", "", "", "", "", "", "", "", "", "", "福岡" };
        for (int prefecture : PREFECTURES) {
            String pref = String.format("%02d", prefecture);
            list.add(new Insurer(CheckDigit.append("01" + pref + "001"), "全国健康保険協会 " + prefectureShort[prefecture] + "支部",
                    "協会けんぽ", prefecture));
            list.add(new Insurer(CheckDigit.append("39" + pref + "001"), prefectureNames[prefecture] + "後期高齢者医療広域連合",
                    "後期高齢者医療", prefecture));
        }
        for (Municipality municipality : MUNICIPALITIES) {
            // Municipal 国民健康保険: 6 digits, prefecture + insurer + check digit.
            list.add(new Insurer(CheckDigit.append(municipality.code().substring(0, 5)), municipality.name() + "国民健康保険",
                    "国民健康保険", municipality.prefecture()));
        }
        list.add(new Insurer(CheckDigit.append("0613" + "912"), "見本電機健康保険組合", "健康保険組合", 13));
        list.add(new Insurer(CheckDigit.append("0627" + "305"), "なにわ商事健康保険組合", "健康保険組合", 27));
        list.add(new Insurer(CheckDigit.append("0623" + "118"), "中部自動車部品健康保険組合", "健康保険組合", 23));
        list.add(new Insurer(CheckDigit.append("0614" + "427"), "みなと物流健康保険組合", "健康保険組合", 14));
        list.add(new Insurer(CheckDigit.append("3113" + "001"), "地方公務員共済組合 見本支部", "共済組合", 13));
        list.add(new Insurer(CheckDigit.append("3427" + "001"), "公立学校共済組合 見本支部", "共済組合", 27));
        return List.copyOf(list);
    }

    private static List<Institution> institutions() {
        String[][] perPrefecture = {
            { "1", "総合病院", "病院" }, { "1", "内科クリニック", "診療所" }, { "1", "整形外科", "診療所" },
            { "1", "こどもクリニック", "診療所" }, { "1", "耳鼻咽喉科", "診療所" }, { "3", "歯科医院", "歯科診療所" },
            { "4", "調剤薬局 駅前店", "薬局" }, { "4", "薬局 中央店", "薬局" }, { "6", "訪問看護ステーション", "訪問看護ステーション" } };
        String[] stems = { "", "ひまわり", "", "", "", "", "", "", "", "", "", "", "", "見本", "みなと", "", "", "", "", "", "",
            "", "", "なごや", "", "", "", "なにわ", "", "", "", "", "", "", "", "", "", "", "", "", "はかた" };
        String[] alternates = { "あおば", "さくら通り", "けやき", "みどり", "すずらん", "ひかり", "つばさ", "こすもす", "しらかば" };
        List<Institution> list = new ArrayList<>();
        for (int prefecture : PREFECTURES) {
            for (int i = 0; i < perPrefecture.length; i++) {
                String[] entry = perPrefecture[i];
                String stem = i % 2 == 0 ? stems[prefecture] : alternates[i];
                String digits = String.format("%02d%s%02d%04d", prefecture, entry[0], 10 + i, 1000 + prefecture * 7 + i);
                list.add(new Institution(CheckDigit.append(digits), stem + entry[1], entry[2], prefecture));
            }
        }
        return List.copyOf(list);
    }

    static List<Institution> institutionsOf(int prefecture, String kind) {
        return INSTITUTIONS.stream().filter(i -> i.prefecture() == prefecture && i.kind().equals(kind)).toList();
    }

    static Insurer insurerOf(int prefecture, String kind) {
        return INSURERS.stream().filter(i -> i.prefecture() == prefecture && i.kind().equals(kind)).findFirst()
                .orElseGet(() -> INSURERS.stream().filter(i -> i.kind().equals(kind)).findFirst().orElseThrow());
    }

    static Insurer nationalHealthInsuranceOf(Municipality municipality) {
        return INSURERS.stream().filter(i -> i.name().equals(municipality.name() + "国民健康保険")).findFirst().orElseThrow();
    }

    static Insurer insurerNamed(String name) {
        return INSURERS.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }
}
