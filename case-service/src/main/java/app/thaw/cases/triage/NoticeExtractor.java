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
 * Extracts what a notice states: the enforcement authority and its file number, reference,
 * merchant and telephone numbers, amounts, dates (and date ranges) and time limits ("3个工作日内",
 * "within 5 business days").
 *
 * <p>Never throws on text: every number it reads is bounded or parsed defensively, and a piece
 * that cannot be read is left out. Patterns run on a folded copy of the text in which full-width
 * ASCII forms ("１２０，０００", "（", "：") are their ASCII twins; the folded copy has the same
 * length, so file numbers are returned as the notice wrote them.
 */
final class NoticeExtractor {

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d{1,15})(\\.\\d{1,6})?(?![\\d,]*\\d)";
    private static final Pattern ZH_AUTHORITY = Pattern.compile(
            "([\\p{IsHan}]{2,16}?(?:中级人民法院|高级人民法院|人民法院|公安局[\\p{IsHan}]{0,6}?(?:分局|支队|大队)|公安分局|公安局|派出所|人民检察院|检察院))");
    // Words before an authority's name that the lazy name pattern drags in ("本行收到上海市…法院", "您的账户被苏州市…分局").
    private static final Pattern AUTHORITY_LEAD = Pattern.compile("^.*(?:收到|接到|根据|依据|依照|按照|被|经查)");
    private static final Pattern EN_AUTHORITY = Pattern.compile(
            "((?:[A-Z][\\w'.-]*\\s){1,6}(?:People's Court|District Court|Court|Police Department|Police Bureau|Police Station|Public Security Bureau|Procuratorate|Prosecutor's Office))");
    private static final Pattern ZH_FILE = Pattern.compile(
            "(\\(\\d{4}\\)[\\p{IsHan}\\d]{1,20}号"
                    + "|[\\p{IsHan}]{1,8}(?:\\([\\p{IsHan}]{1,3}\\))?[\\p{IsHan}]{0,4}[〔\\[【(]\\d{4}[〕\\]】)]\\s?第?\\s?\\d{1,8}\\s?号)");
    private static final Pattern LABELLED_FILE = Pattern.compile(
            "(?:案号|文书号|文号|立案编号|协查编号)[:\\s]*([\\p{IsHan}A-Za-z0-9()〔〕\\[\\]【】-]{4,40}?号?)(?=[,。;；、\\s]|$)");
    // Leading words a file-number match may drag in ("根据穗公…", "案号为西公…"): cut after the last one before the year.
    private static final Pattern FILE_PREFIX =
            Pattern.compile("^.*(?:根据|依据|依照|按照|文书|通知书|决定书|裁定书|号|为|的|于|经|接|因|凭|见|据|及|和|对)");
    private static final Pattern EN_COURT_FILE =
            Pattern.compile("(\\(\\d{4}\\)\\s?[A-Z][a-z]+(?:\\s(?:[A-Z][a-z]*|\\d{1,6}))*\\sNo\\.?\\s?\\d{1,8})");
    private static final Pattern EN_FILE =
            Pattern.compile("(?i)(?:case|file|docket)\\s*(?:no\\.?|number|#)\\s*:?\\s*([A-Z0-9][A-Z0-9/()\\-]{3,40})");
    private static final Pattern ZH_REFERENCE = Pattern.compile(
            "(?:工单号|工单编号|参考号|通知编号|编号|交易单号|订单号|流水号|单号|申诉编号|投诉编号|业务编号)[:\\s]*([A-Za-z0-9][A-Za-z0-9-]{3,40})");
    private static final Pattern EN_REFERENCE = Pattern.compile(
            "(?i)(?:ticket|reference|ref\\.?|case id|transaction id|order|notice|complaint|appeal)\\s*(?:no\\.?|number|#|id)?\\s*[:#]?\\s*([A-Z0-9]*\\d[A-Z0-9-]{3,40})");
    // An unlabelled code such as "CMP-88213" or "PP-D-4471923": capitals, a dash, digits.
    private static final Pattern CODE_REFERENCE =
            Pattern.compile("(?<![A-Za-z0-9-])([A-Z]{2,6}(?:-[A-Z]{1,4})*-\\d{3,12}(?:-\\d{1,12})*)(?![A-Za-z0-9-])");
    private static final Pattern MERCHANT = Pattern.compile(
            "(?i)(?:商户号|商户编号|商户ID|merchant\\s*(?:no\\.?|number|id|#))\\s*[:#]?\\s*([A-Za-z0-9][A-Za-z0-9-]{4,31})");
    private static final Pattern PHONE = Pattern.compile(
            "(?i)(?:联系电话|办案电话|咨询电话|电话|座机|手机|致电|拨打|tel\\.?|telephone|phone|\\bcall)\\s*(?:号码)?\\s*[:]?\\s*"
                    + "((?:\\+?86[-\\s]?)?(?:400[-\\s]?\\d{3}[-\\s]?\\d{4}|1[3-9]\\d{9}|\\(?0\\d{2,3}\\)?[-\\s]?\\d{7,8}(?:-\\d{1,5})?|\\d{7,8}))(?!\\d)");
    private static final Pattern MONEY_PREFIX =
            Pattern.compile("(?i)(US\\$|USD|HK\\$|HKD|\\$|€|EUR|£|GBP|¥|￥|RMB|CNY|人民币)\\s?" + NUMBER + "(\\s?万)?");
    private static final Pattern MONEY_SUFFIX = Pattern.compile("(?i)" + NUMBER + "\\s?(万元|元|USD|EUR|GBP|HKD|CNY|RMB)");
    private static final String DAY_END =
            "\\s?(?:至|到|~|-|—|–)\\s?(?:(\\d{4})\\s?年\\s?)?(?:(\\d{1,2})\\s?月\\s?)?(\\d{1,2})\\s?[日号]";
    private static final Pattern ZH_DATE =
            Pattern.compile("(?<!\\d)(\\d{4})\\s?年\\s?(\\d{1,2})\\s?月\\s?(\\d{1,2})\\s?[日号](?:" + DAY_END + ")?");
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final String MONTHS =
            "(January|February|March|April|May|June|July|August|September|October|November|December"
                    + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
    private static final Pattern EN_DATE = Pattern.compile(
            "(?i)\\b" + MONTHS
                    + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s?(?:-|–|to|through)\\s?(\\d{1,2})(?:st|nd|rd|th)?)?,?\\s+(\\d{4})(?!\\d)");
    private static final Pattern EN_DATE_DAY_FIRST =
            Pattern.compile("(?i)(?<!\\d)(\\d{1,2})\\s+" + MONTHS + ",?\\s+(\\d{4})(?!\\d)");
    private static final Pattern ZH_LIMIT =
            Pattern.compile("(?<!\\d)(\\d{1,4}|[一二两三四五六七八九十百半]{1,4})\\s?(个工作日|工作日|个自然日|自然日|个小时|小时|分钟|日|天)(内|之内|以内)?");
    private static final Pattern EN_LIMIT = Pattern.compile(
            "(?i)within\\s+(\\d{1,4}|half\\s+an|[a-z]+(?:-[a-z]+)?)\\s*(?:\\(\\d{1,4}\\)\\s*)?(business|working|calendar)?\\s*(days?|hours?|minutes?|mins?)\\b");
    // A time limit is the notice's deadline only when its sentence asks something of the holder: "请于24小时内完成",
    // "please re-verify within 48 hours". One that tells what happened ("sign-in attempts from 4 countries within one
    // hour", "1小时内多次登录失败") or what the platform will do ("提现功能暂停72小时内恢复") is not.
    private static final Pattern ZH_ASK = Pattern.compile("请|务必|(?<![无毋])须|需在|需于|应在|应于|应当|限期|要求您|敬请");
    private static final Pattern EN_ASK =
            Pattern.compile("(?i)\\b(?:please|kindly|must|required|need to|needs to|have to|has to|should|"
                    + "ensure|submit|resubmit|provide|respond|reply|verify|re-verify|confirm|upload|complete|contact|call|send|explain|appeal|"
                    + "object|pay|return|activate|reactivate|answer|update|furnish|present)\\b");
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("twenty", 20),
            Map.entry("twenty-one", 21),
            Map.entry("thirty", 30),
            Map.entry("forty-eight", 48),
            Map.entry("seventy-two", 72),
            Map.entry("sixty", 60),
            Map.entry("ninety", 90));
    private static final String ZH_DIGITS = "零一二三四五六七八九";

    NoticeFacts extract(String text) {
        String folded = fold(text);
        String authority = first(ZH_AUTHORITY, folded, text);
        if (authority == null) {
            authority = first(EN_AUTHORITY, folded, text);
        }
        if (authority != null) {
            authority = AUTHORITY_LEAD.matcher(authority).replaceFirst("");
            authority = authority
                    .replaceFirst("^(?:根据|经|接|因|应|收到|依据|按照|我行接|我司接|本行接|现接|已接)", "")
                    .strip();
        }
        String fileNumber = first(LABELLED_FILE, folded, text);
        if (fileNumber == null) {
            fileNumber = first(ZH_FILE, folded, text);
            if (fileNumber != null) {
                fileNumber = withoutLeadingWords(fileNumber);
            }
        }
        if (fileNumber == null) {
            fileNumber = first(EN_COURT_FILE, folded, text);
        }
        if (fileNumber == null) {
            fileNumber = first(EN_FILE, folded, text);
            // "(file no. PD-2025-7781)": the closing bracket is the sentence's, not the number's.
            if (fileNumber != null && fileNumber.endsWith(")") && fileNumber.indexOf('(') < 0) {
                fileNumber = fileNumber.substring(0, fileNumber.length() - 1);
            }
        }
        Set<String> references = new LinkedHashSet<>();
        all(ZH_REFERENCE, folded, references);
        all(EN_REFERENCE, folded, references);
        all(CODE_REFERENCE, folded, references);
        Set<String> merchants = new LinkedHashSet<>();
        all(MERCHANT, folded, merchants);
        references.removeAll(merchants);
        if (fileNumber != null) {
            references.remove(fileNumber);
            references.remove(fold(fileNumber));
        }
        Set<String> phones = new LinkedHashSet<>();
        all(PHONE, folded, phones);
        return new NoticeFacts(
                authority,
                fileNumber,
                List.copyOf(references),
                amounts(folded),
                dates(folded),
                limits(folded),
                List.copyOf(merchants),
                List.copyOf(phones));
    }

    private static String withoutLeadingWords(String fileNumber) {
        Matcher year = Pattern.compile("[〔\\[【(（]\\d{4}").matcher(fileNumber);
        if (!year.find() || year.start() == 0) {
            return fileNumber;
        }
        String prefix =
                FILE_PREFIX.matcher(fileNumber.substring(0, year.start())).replaceFirst("");
        return prefix.isEmpty() ? fileNumber : prefix + fileNumber.substring(year.start());
    }

    /** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space as ASCII, one char for one. */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /** The first match of group 1, as the original text wrote it. */
    private static @Nullable String first(Pattern pattern, String folded, String original) {
        Matcher m = pattern.matcher(folded);
        return m.find() ? original.substring(m.start(1), m.end(1)).strip() : null;
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
            BigDecimal value = number(prefix.group(2), prefix.group(3));
            if (value == null) {
                continue;
            }
            if (prefix.group(4) != null) {
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
            BigDecimal value = number(suffix.group(1), suffix.group(2));
            if (value == null) {
                continue;
            }
            if (suffix.group(3).equals("万元")) {
                value = value.multiply(BigDecimal.valueOf(10_000));
            }
            amounts.add(new Money(value.toPlainString(), currency(suffix.group(3))));
        }
        return amounts;
    }

    private static @Nullable BigDecimal number(String digits, @Nullable String fraction) {
        String plain = digits.replace(",", "") + (fraction == null ? "" : fraction);
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException unreadable) {
            return null;
        }
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
        Matcher zh = ZH_DATE.matcher(text);
        while (zh.find()) {
            int year = Integer.parseInt(zh.group(1));
            int month = Integer.parseInt(zh.group(2));
            date(year, month, Integer.parseInt(zh.group(3)), dates);
            if (zh.group(6) != null) {
                // "2025年9月15日至17日", "…至10月2日", "…至2026年1月3日"
                date(
                        zh.group(4) == null ? year : Integer.parseInt(zh.group(4)),
                        zh.group(5) == null ? month : Integer.parseInt(zh.group(5)),
                        Integer.parseInt(zh.group(6)),
                        dates);
            }
        }
        Matcher iso = ISO_DATE.matcher(text);
        while (iso.find()) {
            date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)), dates);
        }
        Matcher en = EN_DATE.matcher(text);
        while (en.find()) {
            int month = month(en.group(1));
            int year = Integer.parseInt(en.group(4));
            date(year, month, Integer.parseInt(en.group(2)), dates);
            if (en.group(3) != null) {
                date(year, month, Integer.parseInt(en.group(3)), dates);
            }
        }
        Matcher dayFirst = EN_DATE_DAY_FIRST.matcher(text);
        while (dayFirst.find()) {
            date(
                    Integer.parseInt(dayFirst.group(3)),
                    month(dayFirst.group(2)),
                    Integer.parseInt(dayFirst.group(1)),
                    dates);
        }
        return List.copyOf(dates);
    }

    private static int month(String name) {
        return switch (name.substring(0, 3).toLowerCase(Locale.ROOT)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
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
            boolean within = zh.group(3) != null;
            TimeUnit unit = switch (zh.group(2)) {
                case "个工作日", "工作日" -> TimeUnit.BUSINESS_DAYS;
                case "个小时", "小时" -> TimeUnit.HOURS;
                case "分钟" -> TimeUnit.MINUTES;
                default -> TimeUnit.DAYS;
            };
            if (!ZH_ASK.matcher(sentenceBefore(text, zh.start(), false)).find()) {
                continue;
            }
            int amount = amount(zh.group(1));
            if (zh.group(1).equals("半") && unit == TimeUnit.HOURS) {
                // "半小时内": half an hour.
                amount = 30;
                unit = TimeUnit.MINUTES;
            }
            if (amount > 0 && (within || unit == TimeUnit.BUSINESS_DAYS)) {
                limits.add(new TimeLimit(amount, unit, zh.group().strip()));
            }
        }
        Matcher en = EN_LIMIT.matcher(text);
        while (en.find()) {
            if (!EN_ASK.matcher(sentenceBefore(text, en.start(), true)).find()) {
                continue;
            }
            String number = en.group(1).toLowerCase(Locale.ROOT);
            String word = en.group(3).toLowerCase(Locale.ROOT);
            boolean half = number.startsWith("half");
            int amount = half ? 1 : amount(number);
            if (amount <= 0 || half && !word.startsWith("hour")) {
                continue;
            }
            String kind = en.group(2) == null ? "" : en.group(2).toLowerCase(Locale.ROOT);
            TimeUnit unit = word.startsWith("hour")
                    ? TimeUnit.HOURS
                    : word.startsWith("min")
                            ? TimeUnit.MINUTES
                            : kind.equals("business") || kind.equals("working")
                                    ? TimeUnit.BUSINESS_DAYS
                                    : TimeUnit.DAYS;
            if (half) {
                // "within half an hour".
                amount = 30;
                unit = TimeUnit.MINUTES;
            }
            limits.add(new TimeLimit(amount, unit, en.group().strip()));
        }
        return limits;
    }

    /**
     * The part of the sentence before {@code at} (in the folded text, where "！？；" are "!?;"): back to "。!?;" or a line
     * break, and in English also to a full stop followed by a space (so "No. 1187" cuts a sentence short: rare enough).
     */
    static String sentenceBefore(String text, int at, boolean english) {
        int start = Math.min(at, text.length());
        while (start > 0) {
            char c = text.charAt(start - 1);
            boolean fullStop = c == '.' && start < text.length() && Character.isWhitespace(text.charAt(start));
            if ("。！？；!?;\n".indexOf(c) >= 0 || english && fullStop) {
                break;
            }
            start--;
        }
        return text.substring(start, Math.min(at, text.length()));
    }

    /** "7", "seven", "七", "十五", "二十", "三十一", "一百"; 0 for a word it cannot read. */
    static int amount(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.parseInt(word);
        }
        Integer known = NUMBERS.get(word.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        String zh = word.replace('两', '二');
        int total = 0;
        int digit = -1;
        for (int i = 0; i < zh.length(); i++) {
            char c = zh.charAt(i);
            int d = ZH_DIGITS.indexOf(c);
            if (d >= 0) {
                if (digit >= 0) {
                    return 0;
                }
                digit = d;
            } else if (c == '十' || c == '百') {
                int unit = c == '十' ? 10 : 100;
                if (c == '百' && total > 0 || digit == 0) {
                    return 0;
                }
                total += (digit < 0 ? 1 : digit) * unit;
                digit = -1;
            } else {
                return 0;
            }
        }
        return total + Math.max(digit, 0);
    }
}
