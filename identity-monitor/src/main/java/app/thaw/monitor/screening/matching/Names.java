package app.thaw.monitor.screening.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Turns a name into the tokens it is matched by: Latin letters without diacritics, upper case,
 * punctuation gone, legal-form words and name particles dropped; a name in Chinese characters
 * becomes its pinyin (surname first, as OFAC lists Chinese names: "张伟" → ZHANG WEI), with the
 * given name both joined and split, and every reading of a surname with several.
 */
public final class Names {

    /** Words that join name parts or address a person, not who it is. */
    private static final Set<String> NOISE = Set.of(
            "THE", "OF", "AND", "FOR", "AL", "EL", "BIN", "BEN", "IBN", "BINT", "ABU", "DE", "DA", "DI", "DEL", "DER",
            "DOS", "DU", "VAN", "VON", "LA", "LE", "Y", "MR", "MRS", "DR");

    /** Legal-form words: dropped before scoring, but they say the party is a company, not a person. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "LTD",
            "LIMITED",
            "CO",
            "COMPANY",
            "INC",
            "INCORPORATED",
            "CORP",
            "CORPORATION",
            "LLC",
            "LLP",
            "SA",
            "SAS",
            "SARL",
            "SRL",
            "SPA",
            "GMBH",
            "AG",
            "PLC",
            "BV",
            "NV",
            "JSC",
            "OJSC",
            "CJSC",
            "PJSC",
            "OOO",
            "ZAO",
            "OAO",
            "LTDA",
            "FZE",
            "FZCO",
            "FZC",
            "PTE",
            "BHD",
            "SDN",
            "KG",
            "AB",
            "AS",
            "OY",
            "SPOLKA");

    /** Chinese legal forms, longest first: stripped before pinyin, and they make the name a company's. */
    private static final List<String> CHINESE_LEGAL_FORMS =
            List.of("股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "集团公司", "集團公司", "公司", "集团", "集團");

    /**
     * One spelling for names written many ways in Latin letters (Arabic names above all), so
     * "Mohammed" and "Muhammad" are the same token rather than a fuzzy pair below the floor.
     */
    private static final java.util.Map<String, String> SPELLINGS = spellings(
            "MUHAMMAD", "MOHAMMED MOHAMMAD MOHAMED MUHAMMED MOHAMAD MOHAMMAD MOHD MUHAMED MOUHAMED MOHAMMEDI",
            "HUSAYN", "HUSSEIN HUSSAIN HUSAIN HOSSEIN HUSEIN HOSEIN HUSSEYN",
            "HASAN", "HASSAN",
            "AHMAD", "AHMED",
            "YUSUF", "YOUSSEF YOUSEF YOUSIF YUSSUF",
            "ABD", "ABDUL ABDEL ABDOUL",
            "SERGEY", "SERGEI SERGEJ",
            "YURIY", "YURI IURII YURII",
            "MAHMUD", "MAHMOUD MAHMOOD");

    private static java.util.Map<String, String> spellings(String... pairs) {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (String variant : pairs[i + 1].split(" ")) {
                map.put(variant, pairs[i]);
            }
        }
        return java.util.Map.copyOf(map);
    }

    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木", "独孤", "南宫", "西门",
            "歐陽", "司馬", "諸葛", "東方");

    private static final HanyuPinyinOutputFormat PINYIN = new HanyuPinyinOutputFormat();

    private static final com.ibm.icu.text.Transliterator CYRILLIC =
            com.ibm.icu.text.Transliterator.getInstance("Russian-Latin/BGN; Any-Latin");
    private static final com.ibm.icu.text.Transliterator GREEK =
            com.ibm.icu.text.Transliterator.getInstance("Greek-Latin/UNGEGN; Any-Latin");
    private static final com.ibm.icu.text.Transliterator ARABIC =
            com.ibm.icu.text.Transliterator.getInstance("Arabic-Latin");

    static {
        PINYIN.setCaseType(HanyuPinyinCaseType.UPPERCASE);
        PINYIN.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        PINYIN.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
        // pinyin4j reads its table from the jar on first use: do it now, when the list is loaded at
        // start-up, never on an event loop screening the first Chinese name.
        readings('张');
        // ICU loads its rules from its jar on first use too.
        toLatin("Сергей Αθηνά محمد");
    }

    private Names() {}

    /** The token lists a name is screened as (one for a Latin name, possibly several for a Chinese one). */
    public static List<List<String>> variants(String name) {
        name = toLatin(name);
        if (hasHan(name)) {
            return chineseVariants(name);
        }
        List<String> tokens = tokens(name);
        if (tokens.isEmpty()) {
            return List.of();
        }
        Set<List<String>> variants = new LinkedHashSet<>();
        variants.add(tokens);
        if (name.indexOf('-') > 0) {
            // "Aero-Caribbean" is also written "Aerocaribbean".
            List<String> joined = tokens(name.replaceAll("(?<=\\p{L})-(?=\\p{L})", ""));
            variants.add(joined);
        }
        // A Chinese surname in Wade–Giles or Cantonese spelling ("Cheung", "Chang") is also screened in pinyin
        // ("ZHANG"), first word or last, as OFAC writes Chinese names.
        if (tokens.size() >= 2 && tokens.size() <= 4) {
            for (int at : new int[] {0, tokens.size() - 1}) {
                for (String pinyin : TO_PINYIN.getOrDefault(tokens.get(at), List.of())) {
                    List<String> v = new ArrayList<>(tokens);
                    v.set(at, pinyin);
                    variants.add(List.copyOf(v));
                }
            }
        }
        return List.copyOf(variants);
    }

    /** Common Chinese surnames: pinyin → their Wade–Giles and Cantonese (Hong Kong) spellings. */
    private static final java.util.Map<String, List<String>> SURNAME_SPELLINGS = java.util.Map.ofEntries(
            java.util.Map.entry("ZHANG", List.of("CHANG", "CHEUNG")), java.util.Map.entry("WANG", List.of("WONG")),
            java.util.Map.entry("LI", List.of("LEE")), java.util.Map.entry("CHEN", List.of("CHAN")),
            java.util.Map.entry("ZHOU", List.of("CHOU", "CHOW")), java.util.Map.entry("LIU", List.of("LAU")),
            java.util.Map.entry("XU", List.of("HSU", "TSUI")), java.util.Map.entry("ZHAO", List.of("CHAO", "CHIU")),
            java.util.Map.entry("YANG", List.of("YEUNG")), java.util.Map.entry("HUANG", List.of("HWANG", "WONG")),
            java.util.Map.entry("LIN", List.of("LAM")), java.util.Map.entry("HE", List.of("HO")),
            java.util.Map.entry("GUO", List.of("KUO", "KWOK")), java.util.Map.entry("LIANG", List.of("LEUNG")),
            java.util.Map.entry("ZHENG", List.of("CHENG")), java.util.Map.entry("XIE", List.of("HSIEH", "TSE")),
            java.util.Map.entry("ZHU", List.of("CHU")), java.util.Map.entry("WU", List.of("NG", "WOO")),
            java.util.Map.entry("LUO", List.of("LO", "LAW")), java.util.Map.entry("GAO", List.of("KAO", "KO")),
            java.util.Map.entry("ZENG", List.of("TSENG", "TSANG")),
                    java.util.Map.entry("JIANG", List.of("CHIANG", "KEUNG")));

    /** The reverse: a Wade–Giles or Cantonese spelling → the pinyin surnames it may be. */
    private static final java.util.Map<String, List<String>> TO_PINYIN = reverse(SURNAME_SPELLINGS);

    private static java.util.Map<String, List<String>> reverse(java.util.Map<String, List<String>> spellings) {
        java.util.Map<String, List<String>> reverse = new java.util.TreeMap<>();
        spellings.forEach((pinyin, others) -> others.forEach(
                other -> reverse.computeIfAbsent(other, k -> new ArrayList<>()).add(pinyin)));
        reverse.replaceAll((k, v) -> List.copyOf(new java.util.TreeSet<>(v)));
        return java.util.Map.copyOf(reverse);
    }

    /** Every Wade–Giles and Cantonese spelling of the common surnames ({@link ChineseRomanizations}). */
    static Set<String> surnameSpellings() {
        return TO_PINYIN.keySet();
    }

    /** The pinyin surnames a Wade–Giles or Cantonese surname spelling may be (CHEUNG → ZHANG); empty if none. */
    static List<String> surnamePinyin(String spelling) {
        return TO_PINYIN.getOrDefault(spelling, List.of());
    }

    /** A pinyin surname's Wade–Giles and Cantonese spellings (ZHANG → CHANG, CHEUNG); empty if none. */
    static List<String> surnameSpellingsOf(String pinyin) {
        return SURNAME_SPELLINGS.getOrDefault(pinyin, List.of());
    }

    /** Latin tokens of a name, noise dropped (unless nothing else would be left). */
    public static List<String> tokens(String name) {
        String folded = fold(name);
        List<String> all = new ArrayList<>();
        for (String token : folded.split(" ")) {
            if (!token.isEmpty()) {
                all.add(token);
            }
        }
        List<String> kept = all.stream()
                .filter(token -> !NOISE.contains(token) && !LEGAL_FORMS.contains(token))
                .map(token -> SPELLINGS.getOrDefault(token, token))
                .toList();
        return kept.isEmpty() ? all : kept;
    }

    /** Whether the name carries a legal form ("Co., Ltd.", "LLC", "有限公司"…): a company's name, not a person's. */
    public static boolean hasLegalForm(String name) {
        if (COMPANY_ABBREVIATIONS.containsKey(name.strip()) || name.contains("总公司") || name.contains("總公司")) {
            return true;
        }
        for (String form : CHINESE_LEGAL_FORMS) {
            if (name.contains(form)) {
                return true;
            }
        }
        String folded = fold(name);
        List<String> all = List.of(folded.split(" "));
        // Two-letter forms (SA, AG, AS, CO…) are also parts of people's names ("KHUN SA", "Iyad ag GHALI",
        // "A.S."): they are dropped from the tokens but do not make the name a company's.
        return all.stream().anyMatch(token -> token.length() > 2 && LEGAL_FORMS.contains(token));
    }

    /** Upper-case ASCII letters and digits, single spaces: diacritics and punctuation removed. */
    static String fold(String name) {
        String s = name.replace("ß", "SS")
                .replace("ẞ", "SS")
                .replace("Æ", "AE")
                .replace("æ", "AE")
                .replace("Œ", "OE")
                .replace("œ", "OE")
                .replace("Ø", "O")
                .replace("ø", "O")
                .replace("Ł", "L")
                .replace("ł", "L")
                .replace("Đ", "D")
                .replace("đ", "D")
                .replace("Þ", "TH")
                .replace("þ", "TH")
                .replace("ı", "I")
                .replace("'", "")
                .replace("’", "")
                .replace(".", "")
                .replace("`", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").strip();
    }

    /**
     * Cyrillic, Greek and Arabic letters transliterated to Latin with ICU4J (Russian by BGN/PCGN, as
     * OFAC spells Russian names; Greek by UNGEGN; Arabic by ICU's default, which writes no short
     * vowels, so Arabic script matches far less than its Latin spellings). Other text is unchanged.
     */
    public static String toLatin(String name) {
        boolean cyrillic = false;
        boolean greek = false;
        boolean arabic = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            cyrillic |= script == Character.UnicodeScript.CYRILLIC;
            greek |= script == Character.UnicodeScript.GREEK;
            arabic |= script == Character.UnicodeScript.ARABIC;
            i += Character.charCount(cp);
        }
        if (!cyrillic && !greek && !arabic) {
            return name;
        }
        String latin = name;
        if (cyrillic) {
            latin = transliterate(CYRILLIC, latin);
        }
        if (greek) {
            latin = transliterate(GREEK, latin);
        }
        if (arabic) {
            latin = transliterate(ARABIC, latin);
        }
        return latin;
    }

    /** ICU does not promise a transliterator instance is thread-safe: one at a time (only non-Latin names get here). */
    private static String transliterate(com.ibm.icu.text.Transliterator transliterator, String text) {
        synchronized (transliterator) {
            return transliterator.transliterate(text);
        }
    }

    static boolean hasHan(String name) {
        return name.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /**
     * Words of Chinese company names as their English listings translate them (OFAC lists Chinese
     * companies in English, "CHINA NATIONAL PRECISION MACHINERY IMPORT/EXPORT CORPORATION", or in
     * pinyin, "DALIAN ZHENGHUA MAOYI YOUXIAN GONGSI"). Matched longest first; the rest of the name
     * (places, brand names) becomes pinyin, two characters a word ("珠海振戎" → ZHUHAI ZHENRONG).
     */
    private static final java.util.Map<String, String> COMPANY_WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("中国", "CHINA"),
            java.util.Map.entry("中華", "CHINA"),
            java.util.Map.entry("中华", "CHINA"),
            java.util.Map.entry("国际", "INTERNATIONAL"),
            java.util.Map.entry("國際", "INTERNATIONAL"),
            java.util.Map.entry("进出口", "IMPORT EXPORT"),
            java.util.Map.entry("進出口", "IMPORT EXPORT"),
            java.util.Map.entry("贸易", "TRADING"),
            java.util.Map.entry("貿易", "TRADING"),
            java.util.Map.entry("商贸", "TRADING"),
            java.util.Map.entry("实业", "INDUSTRIAL"),
            java.util.Map.entry("實業", "INDUSTRIAL"),
            java.util.Map.entry("工业", "INDUSTRY"),
            java.util.Map.entry("工業", "INDUSTRY"),
            java.util.Map.entry("科技", "TECHNOLOGY"),
            java.util.Map.entry("技术", "TECHNOLOGY"),
            java.util.Map.entry("技術", "TECHNOLOGY"),
            java.util.Map.entry("电子", "ELECTRONICS"),
            java.util.Map.entry("電子", "ELECTRONICS"),
            java.util.Map.entry("石油", "PETROLEUM"),
            java.util.Map.entry("天然气", "NATURAL GAS"),
            java.util.Map.entry("化工", "CHEMICAL"),
            java.util.Map.entry("石油化工", "PETROCHEMICAL"),
            java.util.Map.entry("海洋", "OFFSHORE"),
            java.util.Map.entry("能源", "ENERGY"),
            java.util.Map.entry("航运", "SHIPPING"),
            java.util.Map.entry("航運", "SHIPPING"),
            java.util.Map.entry("船务", "SHIPPING"),
            java.util.Map.entry("船務", "SHIPPING"),
            java.util.Map.entry("海运", "SHIPPING"),
            java.util.Map.entry("远洋", "OCEAN SHIPPING"),
            java.util.Map.entry("物流", "LOGISTICS"),
            java.util.Map.entry("货运", "FREIGHT"),
            java.util.Map.entry("貨運", "FREIGHT"),
            java.util.Map.entry("银行", "BANK"),
            java.util.Map.entry("銀行", "BANK"),
            java.util.Map.entry("投资", "INVESTMENT"),
            java.util.Map.entry("投資", "INVESTMENT"),
            java.util.Map.entry("控股", "HOLDINGS"),
            java.util.Map.entry("发展", "DEVELOPMENT"),
            java.util.Map.entry("發展", "DEVELOPMENT"),
            java.util.Map.entry("机械", "MACHINERY"),
            java.util.Map.entry("機械", "MACHINERY"),
            java.util.Map.entry("精密", "PRECISION"),
            java.util.Map.entry("设备", "EQUIPMENT"),
            java.util.Map.entry("設備", "EQUIPMENT"),
            java.util.Map.entry("航空", "AVIATION"),
            java.util.Map.entry("航天", "AEROSPACE"),
            java.util.Map.entry("船舶", "SHIPBUILDING"),
            java.util.Map.entry("重工", "HEAVY INDUSTRY"),
            java.util.Map.entry("核工业", "NUCLEAR INDUSTRY"),
            java.util.Map.entry("建筑", "CONSTRUCTION"),
            java.util.Map.entry("建設", "CONSTRUCTION"),
            java.util.Map.entry("建设", "CONSTRUCTION"),
            java.util.Map.entry("通讯", "COMMUNICATIONS"),
            java.util.Map.entry("通信", "COMMUNICATIONS"),
            java.util.Map.entry("移动", "MOBILE"),
            java.util.Map.entry("电信", "TELECOM"),
            java.util.Map.entry("电力", "POWER"),
            java.util.Map.entry("钢铁", "STEEL"),
            java.util.Map.entry("矿业", "MINING"),
            java.util.Map.entry("化学", "CHEMICAL"),
            java.util.Map.entry("材料", "MATERIALS"),
            java.util.Map.entry("金属", "METALS"),
            java.util.Map.entry("香港", "HONG KONG"),
            java.util.Map.entry("北京", "BEIJING"),
            java.util.Map.entry("上海", "SHANGHAI"));

    /**
     * Usual abbreviations of Chinese company names → the names they shorten (before translation):
     * 中石油 is 中国石油天然气, as the English listing is CHINA NATIONAL PETROLEUM CORPORATION.
     */
    private static final java.util.Map<String, String> COMPANY_ABBREVIATIONS = java.util.Map.ofEntries(
            java.util.Map.entry("中石油", "中国石油总公司"),
            java.util.Map.entry("中石化", "中国石油化工总公司"),
            java.util.Map.entry("中海油", "中国海洋石油总公司"),
            java.util.Map.entry("中远", "中国远洋"),
            java.util.Map.entry("中船重工", "中国船舶重工"),
            java.util.Map.entry("中航工业", "中国航空工业"),
            java.util.Map.entry("中核", "中国核工业"),
            java.util.Map.entry("中建", "中国建筑"),
            java.util.Map.entry("中移动", "中国移动"),
            java.util.Map.entry("中电信", "中国电信"),
            java.util.Map.entry("中精机", "中国精密机械进出口总公司"));

    /** 总公司 after 中国: the English listing says "CHINA NATIONAL … CORPORATION". */
    private static final List<String> NATIONAL_CORPORATION = List.of("总公司", "總公司");

    private static List<List<String>> chineseVariants(String name) {
        String whole = name.strip().replaceAll("\\s+", "");
        String expanded = COMPANY_ABBREVIATIONS.get(whole);
        boolean company = expanded != null;
        if (expanded != null) {
            name = expanded;
        }
        boolean national = NATIONAL_CORPORATION.stream().anyMatch(name::contains);
        for (String form : CHINESE_LEGAL_FORMS) {
            if (name.contains(form)) {
                company = true;
            }
        }
        for (String form : NATIONAL_CORPORATION) {
            name = name.replace(form, " ");
        }
        for (String form : CHINESE_LEGAL_FORMS) {
            name = name.replace(form, " ");
        }
        String hanOnly = name.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        company |= hanOnly.length() >= 5;
        Set<List<String>> variants = new LinkedHashSet<>();
        if (company || COMPANY_WORDS.keySet().stream().anyMatch(hanOnly::contains)) {
            List<String> translated = companyTokens(hanOnly, national);
            if (!translated.isEmpty()) {
                variants.add(translated);
            }
        }
        if (company) {
            return List.copyOf(variants);
        }
        variants.addAll(personVariants(name));
        return List.copyOf(variants);
    }

    /** A Chinese company name's words: glossary words in English, the rest in pinyin two characters a word. */
    private static List<String> companyTokens(String han, boolean national) {
        List<String> tokens = new ArrayList<>();
        StringBuilder pinyinRun = new StringBuilder();
        int i = 0;
        while (i < han.length()) {
            String word = null;
            for (int length = Math.min(4, han.length() - i); length >= 2; length--) {
                if (COMPANY_WORDS.containsKey(han.substring(i, i + length))) {
                    word = han.substring(i, i + length);
                    break;
                }
            }
            if (word == null) {
                pinyinRun.append(han.charAt(i));
                i++;
                continue;
            }
            flushPinyin(pinyinRun, tokens);
            tokens.addAll(List.of(COMPANY_WORDS.get(word).split(" ")));
            if (national && tokens.size() == 1 && tokens.getFirst().equals("CHINA")) {
                tokens.add("NATIONAL");
            }
            i += word.length();
        }
        flushPinyin(pinyinRun, tokens);
        return List.copyOf(tokens);
    }

    private static void flushPinyin(StringBuilder run, List<String> tokens) {
        for (int at = 0; at < run.length(); at += 2) {
            StringBuilder word = new StringBuilder();
            for (int k = at; k < Math.min(run.length(), at + 2); k++) {
                List<String> r = readings(run.charAt(k));
                if (!r.isEmpty()) {
                    word.append(r.getFirst());
                }
            }
            if (!word.isEmpty()) {
                tokens.add(word.toString());
            }
        }
        run.setLength(0);
    }

    private static List<List<String>> personVariants(String name) {
        String han = name.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (han.isEmpty()) {
            return List.of();
        }
        int surnameLength = han.length() > 2 && COMPOUND_SURNAMES.contains(han.substring(0, 2)) ? 2 : 1;
        List<String> surnames = new ArrayList<>(List.of(""));
        for (int i = 0; i < surnameLength; i++) {
            List<String> next = new ArrayList<>();
            for (String prefix : surnames) {
                for (String reading : readings(han.charAt(i))) {
                    next.add(prefix + reading);
                }
            }
            surnames = next;
        }
        List<String> given = new ArrayList<>();
        for (int i = surnameLength; i < han.length(); i++) {
            List<String> r = readings(han.charAt(i));
            if (!r.isEmpty()) {
                given.add(r.getFirst());
            }
        }
        if (surnameLength == 1) {
            List<String> withOthers = new ArrayList<>(surnames);
            for (String surname : surnames) {
                withOthers.addAll(SURNAME_SPELLINGS.getOrDefault(surname, List.of()));
            }
            surnames = withOthers;
        }
        Set<List<String>> variants = new LinkedHashSet<>();
        for (String surname : surnames) {
            if (given.isEmpty()) {
                variants.add(List.of(surname));
                continue;
            }
            List<String> joined = new ArrayList<>(List.of(surname));
            joined.add(String.join("", given));
            variants.add(List.copyOf(joined));
            if (given.size() > 1) {
                List<String> split = new ArrayList<>(List.of(surname));
                split.addAll(given);
                variants.add(List.copyOf(split));
            }
        }
        return List.copyOf(variants);
    }

    /** Every distinct pinyin reading of a character, without tones, folded to ASCII. */
    private static List<String> readings(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, PINYIN);
            if (all == null) {
                return List.of();
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (String reading : all) {
                distinct.add(fold(reading).replace(" ", ""));
            }
            return List.copyOf(distinct).subList(0, Math.min(3, distinct.size()));
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
