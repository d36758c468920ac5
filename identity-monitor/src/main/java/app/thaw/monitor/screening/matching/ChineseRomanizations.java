package app.thaw.monitor.screening.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Chinese person's name written in Latin letters in any of the three usual systems — Hanyu pinyin
 * (mainland, and OFAC's own spelling of Chinese names), Wade–Giles (Taiwan, older listings) and
 * Cantonese as Hong Kong spells it — as the spellings each of its syllables has in the other two.
 * "CHEUNG Siu Ming", "CHANG Hsiao-ming" and "ZHANG Xiaoming" are one name (张小明) in three systems.
 *
 * <p>Wade–Giles maps to pinyin by rule, syllable by syllable (apostrophes and umlauts are dropped in
 * practice, so "CHANG" is pinyin ZHANG or CHANG, "CHIEN" JIAN or QIAN). Cantonese does not map by
 * rule (its syllables are another language's), so about 120 syllables common in names have the
 * pinyin of the characters they usually write ("WAI" 偉/惠/懷 → WEI, HUI, HUAI). A name reads as Chinese
 * when its first or last word is a common Chinese surname in one of the systems and its other words
 * are one to three syllables in all. Spellings other than the one written match only exactly (no
 * typo on top of a transliteration), and score {@link #SIMILARITY} rather than 1.
 */
public final class ChineseRomanizations {

    /** What a word matched through another romanization counts: a little less than the word as written. */
    public static final double SIMILARITY = 0.97;

    /** Pinyin joined into one word of a given name at most this many ways (ambiguous syllables multiply). */
    private static final int MAX_JOINED = 24;

    private static final Set<String> PINYIN =
            Set.copyOf(java.util.Arrays.asList(("A AI AN ANG AO BA BAI BAN BANG BAO BEI BEN BENG BI BIAN BIAO BIE"
                            + " BIN BING BO BU CA CAI CAN CANG CAO CE CEN CENG CHA CHAI CHAN CHANG CHAO CHE CHEN CHENG CHI CHONG"
                            + " CHOU CHU CHUAI CHUAN CHUANG CHUI CHUN CHUO CI CONG COU CU CUAN CUI CUN CUO DA DAI DAN DANG DAO DE"
                            + " DEI DEN DENG DI DIAN DIAO DIE DING DIU DONG DOU DU DUAN DUI DUN DUO E EI EN ENG ER FA FAN FANG FEI"
                            + " FEN FENG FO FOU FU GA GAI GAN GANG GAO GE GEI GEN GENG GONG GOU GU GUA GUAI GUAN GUANG GUI GUN GUO"
                            + " HA HAI HAN HANG HAO HE HEI HEN HENG HONG HOU HU HUA HUAI HUAN HUANG HUI HUN HUO JI JIA JIAN JIANG"
                            + " JIAO JIE JIN JING JIONG JIU JU JUAN JUE JUN KA KAI KAN KANG KAO KE KEN KENG KONG KOU KU KUA KUAI"
                            + " KUAN KUANG KUI KUN KUO LA LAI LAN LANG LAO LE LEI LENG LI LIA LIAN LIANG LIAO LIE LIN LING LIU LONG"
                            + " LOU LU LUAN LUN LUO LUE MA MAI MAN MANG MAO ME MEI MEN MENG MI MIAN MIAO MIE MIN MING MIU MO MOU MU"
                            + " NA NAI NAN NANG NAO NE NEI NEN NENG NI NIAN NIANG NIAO NIE NIN NING NIU NONG NOU NU NUAN NUO NUE O"
                            + " OU PA PAI PAN PANG PAO PEI PEN PENG PI PIAN PIAO PIE PIN PING PO POU PU QI QIA QIAN QIANG QIAO QIE"
                            + " QIN QING QIONG QIU QU QUAN QUE QUN RAN RANG RAO RE REN RENG RI RONG ROU RU RUAN RUI RUN RUO SA SAI"
                            + " SAN SANG SAO SE SEN SENG SHA SHAI SHAN SHANG SHAO SHE SHEI SHEN SHENG SHI SHOU SHU SHUA SHUAI"
                            + " SHUAN SHUANG SHUI SHUN SHUO SI SONG SOU SU SUAN SUI SUN SUO TA TAI TAN TANG TAO TE TENG TI TIAN"
                            + " TIAO TIE TING TONG TOU TU TUAN TUI TUN TUO WA WAI WAN WANG WEI WEN WENG WO WU XI XIA XIAN XIANG"
                            + " XIAO XIE XIN XING XIONG XIU XU XUAN XUE XUN YA YAN YANG YAO YE YI YIN YING YO YONG YOU YU YUAN YUE"
                            + " YUN ZA ZAI ZAN ZANG ZAO ZE ZEI ZEN ZENG ZHA ZHAI ZHAN ZHANG ZHAO ZHE ZHEI ZHEN ZHENG ZHI ZHONG ZHOU"
                            + " ZHU ZHUA ZHUAI ZHUAN ZHUANG ZHUI ZHUN ZHUO ZI ZONG ZOU ZU ZUAN ZUI ZUN ZUO")
                    .split(" ")));

    /** Common Chinese surnames in pinyin (the first word or the last of a name read as Chinese must be one of them). */
    private static final Set<String> SURNAMES =
            Set.copyOf(java.util.Arrays.asList(("WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU"
                            + " GUO HE GAO LIN LUO ZHENG LIANG XIE SONG TANG XU HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG YUAN PAN"
                            + " YU JIANG CAI JIA DING WEI XUE YE YAN LU DU DAI XIA ZHONG WAN TAN LIAO FANG JIN QIU SHI CUI KANG MAO"
                            + " QIAN TAO SHEN LEI GU HOU MENG LONG DUAN HAO KONG SHAO WEN MO YIN QIN GONG CHENG FU FAN BAI JIANG"
                            + " ZOU SU REN YAO QI MEI LAI NIU QIAO OUYANG SITU SIMA ZHUGE SHANGGUAN")
                    .split(" ")));

    /**
     * Cantonese syllables as Hong Kong writes them in names → the pinyin of the characters they
     * usually stand for. Syllables spelt alike in both (MING, LING) need no entry.
     */
    private static final Map<String, List<String>> CANTONESE = table(
            "AH A",
            "CHAN CHEN ZHAN",
            "CHAU ZHOU QIU",
            "CHEUNG ZHANG XIANG",
            "CHEONG ZHANG CHANG XIANG",
            "CHI ZHI ZI QI CI",
            "CHIU ZHAO CHAO QIAO",
            "CHING ZHENG JING QING",
            "CHOI CAI",
            "CHOW ZHOU",
            "CHU ZHU",
            "CHUN ZHEN JUN QUAN",
            "CHUEN QUAN CHUAN",
            "CHUNG ZHONG CONG SONG",
            "CHEUK ZHUO",
            "CHOR CHU ZUO",
            "CHIN QIAN ZHAN ZHEN",
            "FAI HUI",
            "FAT FA",
            "FONG FANG",
            "FOOK FU",
            "FUNG FENG",
            "HANG XING HENG",
            "HEI XI",
            "HEUNG XIANG",
            "HIN XUAN XIAN",
            "HING XING QING",
            "HO HE HAO",
            "HOI HAI KAI",
            "HON HAN",
            "HONG KANG",
            "HUNG HONG XIONG KONG",
            "HUI XU XIU",
            "KA JIA",
            "KAI QI JI JIA JIE",
            "KAM JIN GAN",
            "KEI JI QI",
            "KEUNG QIANG JIANG",
            "KIN JIAN",
            "KIT JIE",
            "KIU QIAO",
            "KO GAO",
            "KONG GANG JIANG",
            "KOON GUAN",
            "KUEN QUAN",
            "KWAI GUI",
            "KWAN JUN GUAN KUN QUN",
            "KWOK GUO",
            "KWONG GUANG KUANG",
            "LAI LI",
            "LAM LIN",
            "LAP LI",
            "LAU LIU",
            "LAW LUO",
            "LEE LI",
            "LEUNG LIANG",
            "LO LUO LU",
            "LOK LE LUO",
            "LUI LEI LU",
            "MAN WEN MIN WAN",
            "MO MAO WU",
            "MOON MAN MEN",
            "MUI MEI",
            "NG WU",
            "NGAI WEI YI",
            "ON AN",
            "PAK BAI BO",
            "PO BAO BU",
            "POON PAN",
            "SAN SHAN XIN",
            "SAU XIU SHOU",
            "SHEK SHI",
            "SHEUNG SHANG CHANG",
            "SHING CHENG SHENG",
            "SHUN XIN",
            "SING XING SHENG CHENG",
            "SIU XIAO ZHAO SHAO",
            "SUM XIN SEN SHEN",
            "SZE SI SHI",
            "TAI DA DI",
            "TAK DE",
            "TAM TAN",
            "TANG DENG",
            "TIN TIAN",
            "TIM TIAN",
            "TO TAO DU",
            "TSANG ZENG",
            "TSE XIE",
            "TSUI XU",
            "TSZ ZI CI",
            "TUNG DONG",
            "WAH HUA",
            "WAI WEI HUI HUAI",
            "WAN YUN WEN HUAN",
            "WING YONG RONG",
            "WONG WANG HUANG",
            "WOO WU HU",
            "YAN REN EN XIN",
            "YAT YI RI",
            "YAU YOU QIU",
            "YEE YI ER",
            "YEUNG YANG",
            "YIM YAN",
            "YIN XIAN YAN",
            "YIU YAO",
            "YUEN YUAN RUAN",
            "YUK YU",
            "YUNG RONG YONG",
            "YU RU");

    /** Pinyin → the Cantonese spellings of its characters (the reverse of {@link #CANTONESE}). */
    private static final Map<String, List<String>> TO_CANTONESE = reverse(CANTONESE);

    /** Every syllable a name may be written with, in any of the three systems (for splitting joined given names). */
    private static final Set<String> SYLLABLES = syllables();

    private ChineseRomanizations() {}

    private static Map<String, List<String>> table(String... rows) {
        Map<String, List<String>> map = new TreeMap<>();
        for (String row : rows) {
            String[] words = row.split(" ");
            map.put(words[0], List.of(words).subList(1, words.length));
        }
        return Map.copyOf(map);
    }

    private static Map<String, List<String>> reverse(Map<String, List<String>> table) {
        Map<String, List<String>> reverse = new TreeMap<>();
        table.forEach((cantonese, pinyins) -> pinyins.forEach(pinyin ->
                reverse.computeIfAbsent(pinyin, k -> new ArrayList<>()).add(cantonese)));
        reverse.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(reverse);
    }

    private static Set<String> syllables() {
        Set<String> all = new java.util.HashSet<>(PINYIN);
        all.addAll(CANTONESE.keySet());
        for (String pinyin : PINYIN) {
            all.add(toWadeGiles(pinyin));
        }
        all.addAll(Names.surnameSpellings());
        return Set.copyOf(all);
    }

    /**
     * The name's words as positions of equivalent spellings (the first of each as written), once
     * with a given name of several syllables split into them and once joined: empty when the name
     * does not read as a Chinese person's (no common surname first or last, or a word that is no
     * syllable of any of the three systems).
     */
    public static List<List<List<String>>> alternatives(List<String> tokens) {
        if (tokens.size() < 2 || tokens.size() > 4) {
            return List.of();
        }
        for (int surnameAt : new int[] {0, tokens.size() - 1}) {
            String surname = tokens.get(surnameAt);
            List<String> surnamePinyin = new ArrayList<>();
            for (String p : pinyinOf(surname)) {
                if (SURNAMES.contains(p)) {
                    surnamePinyin.add(p);
                }
            }
            if (surnamePinyin.isEmpty()) {
                continue;
            }
            List<String> given = new ArrayList<>();
            boolean chinese = true;
            for (int i = 0; i < tokens.size() && chinese; i++) {
                if (i == surnameAt) {
                    continue;
                }
                List<String> split = split(tokens.get(i));
                chinese = split != null;
                if (split != null) {
                    given.addAll(split);
                }
            }
            if (!chinese || given.isEmpty() || given.size() > 3) {
                continue;
            }
            List<String> surnameSpellings = spellings(surname, surnamePinyin);
            List<List<String>> syllables = new ArrayList<>();
            for (String syllable : given) {
                syllables.add(SPELLINGS_OF.computeIfAbsent(syllable, g -> spellings(g, pinyinOf(g))));
            }
            List<List<List<String>>> structures = new ArrayList<>();
            List<List<String>> split = new ArrayList<>();
            split.add(surnameSpellings);
            split.addAll(syllables);
            structures.add(List.copyOf(split));
            if (given.size() > 1) {
                structures.add(List.of(surnameSpellings, joined(given)));
            }
            return List.copyOf(structures);
        }
        return List.of();
    }

    /** A word as one to three syllables of any of the systems (fewest first), or null when it is none. */
    static @org.jspecify.annotations.Nullable List<String> split(String word) {
        if (SYLLABLES.contains(word)) {
            return List.of(word);
        }
        for (int parts = 2; parts <= 3; parts++) {
            List<String> found = split(word, parts);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static @org.jspecify.annotations.Nullable List<String> split(String word, int parts) {
        if (parts == 1) {
            return SYLLABLES.contains(word) ? List.of(word) : null;
        }
        // Longest first syllable first: XIAOMING is XIAO MING, not XI AO MING.
        for (int end = Math.min(6, word.length() - 1); end >= 1; end--) {
            String head = word.substring(0, end);
            if (!SYLLABLES.contains(head)) {
                continue;
            }
            List<String> rest = split(word.substring(end), parts - 1);
            if (rest != null) {
                List<String> all = new ArrayList<>(List.of(head));
                all.addAll(rest);
                return all;
            }
        }
        return null;
    }

    /** {@link #pinyinOf} and {@link #spellings} of each syllable met so far (at most every syllable of the systems). */
    private static final Map<String, List<String>> PINYIN_OF = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Map<String, List<String>> SPELLINGS_OF = new java.util.concurrent.ConcurrentHashMap<>();

    /** The pinyin syllables a syllable written in any of the systems may be (itself first when it is pinyin). */
    static List<String> pinyinOf(String syllable) {
        return SYLLABLES.contains(syllable)
                ? PINYIN_OF.computeIfAbsent(syllable, ChineseRomanizations::readPinyin)
                : readPinyin(syllable);
    }

    private static List<String> readPinyin(String syllable) {
        Set<String> pinyin = new LinkedHashSet<>();
        if (PINYIN.contains(syllable)) {
            pinyin.add(syllable);
        }
        pinyin.addAll(fromWadeGiles(syllable));
        pinyin.addAll(CANTONESE.getOrDefault(syllable, List.of()));
        pinyin.addAll(Names.surnamePinyin(syllable));
        return List.copyOf(pinyin);
    }

    /** As written, then each pinyin reading and its Wade–Giles and Cantonese spellings. */
    private static List<String> spellings(String written, List<String> pinyins) {
        Set<String> all = new LinkedHashSet<>();
        all.add(written);
        for (String pinyin : pinyins) {
            all.add(pinyin);
            all.add(toWadeGiles(pinyin));
            all.addAll(TO_CANTONESE.getOrDefault(pinyin, List.of()));
            all.addAll(Names.surnameSpellingsOf(pinyin));
        }
        return List.copyOf(all);
    }

    /**
     * A given name of several syllables as one word: as written, and for each reading in pinyin
     * (at most {@link #MAX_JOINED}) the pinyin, Wade–Giles and Cantonese spellings, each system whole
     * (listings join a given name in one system, "XIAOMING", "HSIAOMING").
     */
    private static List<String> joined(List<String> syllables) {
        Set<String> all = new LinkedHashSet<>();
        all.add(String.join("", syllables));
        List<List<String>> readings = new ArrayList<>(List.of(List.of()));
        for (String syllable : syllables) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : readings) {
                for (String pinyin : pinyinOf(syllable)) {
                    if (next.size() < MAX_JOINED) {
                        List<String> longer = new ArrayList<>(prefix);
                        longer.add(pinyin);
                        next.add(longer);
                    }
                }
            }
            readings = next;
        }
        for (List<String> reading : readings) {
            all.add(String.join("", reading));
            StringBuilder wadeGiles = new StringBuilder();
            StringBuilder cantonese = new StringBuilder();
            boolean hasCantonese = true;
            for (String pinyin : reading) {
                wadeGiles.append(toWadeGiles(pinyin));
                List<String> c = TO_CANTONESE.get(pinyin);
                hasCantonese &= c != null;
                if (c != null) {
                    cantonese.append(c.getFirst());
                }
            }
            all.add(wadeGiles.toString());
            if (hasCantonese) {
                all.add(cantonese.toString());
            }
        }
        return List.copyOf(all);
    }

    /**
     * The pinyin a Wade–Giles syllable (apostrophes and umlauts dropped, as names are written) may
     * be: HSIAO → XIAO, CHIEN → JIAN or QIAN, KUO → GUO or KUO, HUNG → HONG. Empty when it is none.
     */
    static List<String> fromWadeGiles(String s) {
        Set<String> out = new LinkedHashSet<>();
        switch (s) {
            case "JIH" -> out.add("RI");
            case "SSU", "SZU" -> out.add("SI");
            case "TZU", "TSU" -> out.addAll(List.of("ZI", "CI", "ZU", "CU"));
            case "SHIH" -> out.add("SHI");
            case "CHIH" -> out.addAll(List.of("ZHI", "CHI"));
            case "ERH" -> out.add("ER");
            case "YU" -> out.addAll(List.of("YOU", "YU"));
            case "YUNG" -> out.add("YONG");
            case "YEN" -> out.add("YAN");
            case "YEH" -> out.add("YE");
            case "YUEH" -> out.add("YUE");
            default -> {
                /* by rule below */
            }
        }
        if (!out.isEmpty()) {
            return List.copyOf(out);
        }
        List<String> initials;
        String rest;
        if (s.startsWith("HS")) {
            initials = List.of("X");
            rest = s.substring(2);
        } else if (s.startsWith("CH")) {
            rest = s.substring(2);
            initials = rest.startsWith("I")
                    ? List.of("J", "Q")
                    : rest.startsWith("U") ? List.of("ZH", "CH", "J", "Q") : List.of("ZH", "CH");
        } else if (s.startsWith("TS") || s.startsWith("TZ")) {
            initials = List.of("Z", "C");
            rest = s.substring(2);
        } else if (s.startsWith("SH")) {
            initials = List.of("SH");
            rest = s.substring(2);
        } else if (!s.isEmpty() && "KTP".indexOf(s.charAt(0)) >= 0) {
            char c = s.charAt(0);
            initials = c == 'K' ? List.of("G", "K") : c == 'T' ? List.of("D", "T") : List.of("B", "P");
            rest = s.substring(1);
        } else if (s.startsWith("J")) {
            initials = List.of("R");
            rest = s.substring(1);
        } else if (!s.isEmpty() && "FHLMNSWY".indexOf(s.charAt(0)) >= 0) {
            initials = List.of(s.substring(0, 1));
            rest = s.substring(1);
        } else {
            initials = List.of("");
            rest = s;
        }
        for (String initial : initials) {
            String fin = rest;
            if (fin.endsWith("IUNG")) {
                fin = fin.substring(0, fin.length() - 4) + "IONG";
            } else if (fin.endsWith("UNG")) {
                fin = fin.substring(0, fin.length() - 3) + "ONG";
            } else if (fin.equals("IEN")) {
                fin = "IAN";
            } else if (fin.equals("IEH")) {
                fin = "IE";
            } else if (fin.equals("UEH")) {
                fin = "UE";
            } else if (fin.equals("UEI")) {
                fin = "UI";
            } else if (fin.equals("IH")) {
                fin = "I";
            } else if (fin.equals("O")) {
                fin = initial.equals("G") || initial.equals("K") || initial.equals("H")
                        ? "E"
                        : List.of("B", "P", "M", "F", "W", "Y", "").contains(initial) ? "O" : "UO";
            }
            String pinyin = initial + fin;
            if (PINYIN.contains(pinyin)) {
                out.add(pinyin);
            }
        }
        return List.copyOf(out);
    }

    /** A pinyin syllable in Wade–Giles without apostrophes or umlauts, as names are written: XIAO → HSIAO, ZHI → CHIH. */
    static String toWadeGiles(String p) {
        switch (p) {
            case "ZHI", "CHI":
                return "CHIH";
            case "SHI":
                return "SHIH";
            case "RI":
                return "JIH";
            case "ZI", "CI":
                return "TZU";
            case "SI":
                return "SSU";
            case "ER":
                return "ERH";
            case "YOU":
                return "YU";
            case "YONG":
                return "YUNG";
            case "YAN":
                return "YEN";
            case "YE":
                return "YEH";
            case "YUE":
                return "YUEH";
            default:
                break;
        }
        String initial;
        String fin;
        if (p.startsWith("ZH") || p.startsWith("CH") || p.startsWith("SH")) {
            initial = p.startsWith("SH") ? "SH" : "CH";
            fin = p.substring(2);
        } else if (!p.isEmpty() && "JQ".indexOf(p.charAt(0)) >= 0) {
            initial = "CH";
            fin = p.substring(1);
        } else if (p.startsWith("X")) {
            initial = "HS";
            fin = p.substring(1);
        } else if (p.startsWith("Z") || p.startsWith("C")) {
            initial = "TS";
            fin = p.substring(1);
        } else if (p.startsWith("R")) {
            initial = "J";
            fin = p.substring(1);
        } else if (!p.isEmpty() && "GK".indexOf(p.charAt(0)) >= 0) {
            initial = "K";
            fin = p.substring(1);
        } else if (!p.isEmpty() && "DT".indexOf(p.charAt(0)) >= 0) {
            initial = "T";
            fin = p.substring(1);
        } else if (!p.isEmpty() && "BP".indexOf(p.charAt(0)) >= 0) {
            initial = "P";
            fin = p.substring(1);
        } else if (!p.isEmpty() && "AEIOU".indexOf(p.charAt(0)) < 0) {
            initial = p.substring(0, 1);
            fin = p.substring(1);
        } else {
            initial = "";
            fin = p;
        }
        char first = p.isEmpty() ? ' ' : p.charAt(0);
        if (fin.endsWith("IONG")) {
            fin = fin.substring(0, fin.length() - 4) + "IUNG";
        } else if (fin.endsWith("ONG")) {
            fin = fin.substring(0, fin.length() - 3) + "UNG";
        } else if (fin.equals("IAN")) {
            fin = "IEN";
        } else if (fin.equals("IE")) {
            fin = "IEH";
        } else if (fin.equals("UE")) {
            fin = "UEH";
        } else if (fin.equals("UI") && first != 'H') {
            fin = "UEI";
        } else if (fin.equals("UO") && "DTNLZCSR".indexOf(first) >= 0 && !p.startsWith("SH")) {
            fin = "O";
        } else if (fin.equals("E") && "GKH".indexOf(first) >= 0) {
            fin = "O";
        }
        return initial + fin;
    }
}
