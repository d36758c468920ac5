package app.thaw.cases.triage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.thaw.cases.incident.Money;
import app.thaw.cases.incident.NoticeFacts;
import app.thaw.cases.incident.NoticeFacts.TimeLimit;
import app.thaw.cases.incident.NoticeFacts.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Extracts what a notice states: the enforcement authority and its file number, reference
 * numbers, amounts, dates and time limits ("3个工作日内", "within 5 business days").
 */
final class NoticeExtractor {

    private static final Pattern ZH_AUTHORITY = Pattern.compile(
            "([\\p{IsHan}]{2,16}?(?:中级人民法院|高级人民法院|人民法院|公安局[\\p{IsHan}]{0,6}?(?:分局|支队|大队)|公安分局|公安局|派出所|人民检察院|检察院))");
    private static final Pattern EN_AUTHORITY = Pattern.compile(
            "((?:[A-Z][\\w'.-]*\\s){1,6}(?:People's Court|District Court|Court|Police Department|Police Bureau|Police Station|Public Security Bureau|Procuratorate|Prosecutor's Office))");
    private static final Pattern ZH_FILE = Pattern.compile(
            "([（(]\\d{4}[）)][\\p{IsHan}\\d]{1,20}号|[\\p{IsHan}]{1,8}[(（]?[\\p{IsHan}]?[)）]?字?[〔\\[（(]\\d{4}[〕\\]）)]\\d+号)");
    private static final Pattern LABELLED_FILE = Pattern.compile(
            "(?:案号|文书号|立案编号|协查编号)[:：\\s]*([\\p{IsHan}A-Za-z0-9（）()〔〕\\[\\]-]{4,40}?号?)(?=[，,。;；\\s]|$)");
    private static final Pattern EN_FILE = Pattern.compile("(?i)(?:case|file|docket)\\s*(?:no\\.?|number|#)\\s*:?\\s*([A-Z0-9][A-Z0-9/()\\-]{3,40})");
    private static final Pattern ZH_REFERENCE = Pattern.compile(
            "(?:工单号|工单编号|参考号|通知编号|编号|交易单号|订单号|流水号|单号|申诉编号)[:：\\s]*([A-Za-z0-9][A-Za-z0-9-]{3,40})");
    private static final Pattern EN_REFERENCE = Pattern.compile(
            "(?i)(?:ticket|reference|ref\\.?|case id|transaction id|order|notice)\\s*(?:no\\.?|number|#|id)?\\s*[:#]?\\s*([A-Z0-9]*\\d[A-Z0-9-]{3,40})");
    private static final Pattern MONEY_PREFIX = Pattern.compile("(?i)(US\\$|USD|\\$|€|EUR|£|GBP|HK\\$|HKD|¥|￥|RMB|CNY|人民币)\\s?([\\d,]+(?:\\.\\d+)?)(\\s?万)?");
    private static final Pattern MONEY_SUFFIX = Pattern.compile("(?i)([\\d,]+(?:\\.\\d+)?)\\s?(万元|元|USD|EUR|GBP|HKD|CNY|RMB)");
    private static final Pattern ZH_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern EN_DATE = Pattern.compile(
            "(?i)(January|February|March|April|May|June|July|August|September|October|November|December)\\s+(\\d{1,2}),?\\s+(\\d{4})");
    private static final Pattern ZH_LIMIT = Pattern.compile("(\\d+|[一二两三四五六七八九十]+)\\s*(个工作日|个小时|小时|日|天)内?");
    private static final Pattern EN_LIMIT = Pattern.compile(
            "(?i)within\\s+(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|fifteen|thirty)\\s+(business|working|calendar)?\\s*(days?|hours?)");
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("thirty", 30),
            Map.entry("一", 1), Map.entry("二", 2), Map.entry("两", 2), Map.entry("三", 3), Map.entry("四", 4), Map.entry("五", 5),
            Map.entry("六", 6), Map.entry("七", 7), Map.entry("八", 8), Map.entry("九", 9), Map.entry("十", 10));

    NoticeFacts extract(String text) {
        String authority = first(ZH_AUTHORITY, text);
        if (authority == null) {
            authority = first(EN_AUTHORITY, text);
        }
        if (authority != null) {
            authority = authority.replaceFirst("^(?:根据|经|接|因|应|收到|依据|按照|我行接|我司接|本行接|现接|已接)", "").strip();
        }
        String fileNumber = first(LABELLED_FILE, text);
        if (fileNumber == null) {
            fileNumber = first(ZH_FILE, text);
        }
        if (fileNumber == null) {
            fileNumber = first(EN_FILE, text);
        }
        Set<String> references = new LinkedHashSet<>();
        all(ZH_REFERENCE, text, references);
        all(EN_REFERENCE, text, references);
        if (fileNumber != null) {
            references.remove(fileNumber);
        }
        return new NoticeFacts(authority, fileNumber, List.copyOf(references), amounts(text), dates(text), limits(text));
    }

    private static @Nullable String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    private static void all(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1).strip());
        }
    }

    private static List<Money> amounts(String text) {
        List<Money> amounts = new ArrayList<>();
        Matcher prefix = MONEY_PREFIX.matcher(text);
        List<int[]> taken = new ArrayList<>();
        while (prefix.find()) {
            BigDecimal value = number(prefix.group(2));
            if (prefix.group(3) != null) {
                value = value.multiply(BigDecimal.valueOf(10_000));
            }
            amounts.add(new Money(value.toPlainString(), currency(prefix.group(1))));
            taken.add(new int[] {prefix.start(), prefix.end()});
        }
        Matcher suffix = MONEY_SUFFIX.matcher(text);
        while (suffix.find()) {
            int start = suffix.start();
            if (taken.stream().anyMatch(range -> start >= range[0] && start < range[1])) {
                continue;
            }
            BigDecimal value = number(suffix.group(1));
            String unit = suffix.group(2);
            if (unit.equals("万元")) {
                value = value.multiply(BigDecimal.valueOf(10_000));
            }
            amounts.add(new Money(value.toPlainString(), currency(unit)));
        }
        return amounts;
    }

    private static BigDecimal number(String digits) {
        return new BigDecimal(digits.replace(",", ""));
    }

    private static String currency(String symbol) {
        return switch (symbol.toUpperCase(Locale.ROOT)) {
            case "US$", "USD", "$" -> "USD";
            case "€", "EUR" -> "EUR";
            case "£", "GBP" -> "GBP";
            case "HK$", "HKD" -> "HKD";
            default -> "CNY";
        };
    }

    private static List<String> dates(String text) {
        Set<String> dates = new LinkedHashSet<>();
        for (Pattern pattern : List.of(ZH_DATE, ISO_DATE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), dates);
            }
        }
        Matcher en = EN_DATE.matcher(text);
        while (en.find()) {
            int month = java.time.Month.valueOf(en.group(1).toUpperCase(Locale.ROOT)).getValue();
            date(Integer.parseInt(en.group(3)), month, Integer.parseInt(en.group(2)), dates);
        }
        return List.copyOf(dates);
    }

    private static void date(int year, int month, int day, Set<String> into) {
        try {
            into.add(LocalDate.of(year, month, day).format(DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (java.time.DateTimeException notADate) {
            // "2025-13-45" is a reference number, not a date.
        }
    }

    private static List<TimeLimit> limits(String text) {
        List<TimeLimit> limits = new ArrayList<>();
        Matcher zh = ZH_LIMIT.matcher(text);
        while (zh.find()) {
            // Only a limit when it says "within" (内) or is a business-day count: "3日" alone may be a date.
            boolean within = zh.group().endsWith("内");
            TimeUnit unit = switch (zh.group(2)) {
                case "个工作日" -> TimeUnit.BUSINESS_DAYS;
                case "个小时", "小时" -> TimeUnit.HOURS;
                default -> TimeUnit.DAYS;
            };
            if (within || unit == TimeUnit.BUSINESS_DAYS) {
                limits.add(new TimeLimit(amount(zh.group(1)), unit, zh.group().strip()));
            }
        }
        Matcher en = EN_LIMIT.matcher(text);
        while (en.find()) {
            String kind = en.group(2) == null ? "" : en.group(2).toLowerCase(Locale.ROOT);
            TimeUnit unit = en.group(3).toLowerCase(Locale.ROOT).startsWith("hour") ? TimeUnit.HOURS
                    : kind.equals("business") || kind.equals("working") ? TimeUnit.BUSINESS_DAYS : TimeUnit.DAYS;
            limits.add(new TimeLimit(amount(en.group(1)), unit, en.group().strip()));
        }
        return limits;
    }

    private static int amount(String word) {
        if (word.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(word);
        }
        Integer known = NUMBERS.get(word.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        // 十一 … 十九 and 二十 etc.
        if (word.startsWith("十")) {
            return 10 + NUMBERS.getOrDefault(word.substring(1), 0);
        }
        if (word.endsWith("十")) {
            return 10 * NUMBERS.getOrDefault(word.substring(0, word.length() - 1), 1);
        }
        return 0;
    }
}
