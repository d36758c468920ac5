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

    /** Words that say what kind of party it is, or join name parts, not who it is. */
    private static final Set<String> NOISE = Set.of("LTD", "LIMITED", "CO", "COMPANY", "INC", "INCORPORATED", "CORP",
            "CORPORATION", "LLC", "LLP", "SA", "SAS", "SRL", "SPA", "GMBH", "AG", "PLC", "BV", "NV", "JSC", "OJSC", "CJSC",
            "PJSC", "OOO", "ZAO", "OAO", "THE", "OF", "AND", "FOR", "AL", "EL", "BIN", "BEN", "IBN", "BINT", "ABU", "DE", "DA",
            "DI", "DEL", "DER", "DOS", "DU", "VAN", "VON", "LA", "LE", "Y", "MR", "MRS", "DR");

    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木", "独孤", "南宫", "西门", "歐陽", "司馬", "諸葛", "東方");

    private static final HanyuPinyinOutputFormat PINYIN = new HanyuPinyinOutputFormat();

    static {
        PINYIN.setCaseType(HanyuPinyinCaseType.UPPERCASE);
        PINYIN.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        PINYIN.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
        // pinyin4j reads its table from the jar on first use: do it now, when the list is loaded at
        // start-up, never on an event loop screening the first Chinese name.
        readings('张');
    }

    private Names() {
    }

    /** The token lists a name is screened as (one for a Latin name, possibly several for a Chinese one). */
    public static List<List<String>> variants(String name) {
        if (hasHan(name)) {
            return chineseVariants(name);
        }
        List<String> tokens = tokens(name);
        if (tokens.isEmpty()) {
            return List.of();
        }
        if (name.indexOf('-') > 0) {
            // "Aero-Caribbean" is also written "Aerocaribbean".
            List<String> joined = tokens(name.replaceAll("(?<=\\p{L})-(?=\\p{L})", ""));
            if (!joined.equals(tokens)) {
                return List.of(tokens, joined);
            }
        }
        return List.of(tokens);
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
        List<String> kept = all.stream().filter(token -> !NOISE.contains(token)).toList();
        return kept.isEmpty() ? all : kept;
    }

    /** Upper-case ASCII letters and digits, single spaces: diacritics and punctuation removed. */
    static String fold(String name) {
        String s = name.replace("ß", "SS").replace("ẞ", "SS").replace("Æ", "AE").replace("æ", "AE").replace("Œ", "OE")
                .replace("œ", "OE").replace("Ø", "O").replace("ø", "O").replace("Ł", "L").replace("ł", "L").replace("Đ", "D")
                .replace("đ", "D").replace("Þ", "TH").replace("þ", "TH").replace("ı", "I").replace("'", "").replace("’", "").replace(".", "")
                .replace("`", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").strip();
    }

    static boolean hasHan(String name) {
        return name.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static List<List<String>> chineseVariants(String name) {
        String han = name.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
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
