package app.thaw.cases.appeal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.thaw.cases.checklist.ChecklistCatalogue;
import app.thaw.cases.incident.ChecklistItem;
import app.thaw.cases.incident.ContactEntry;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.NoticeFacts;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.playbook.ScriptRenderer;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a case's appeal letter (issue #4): the opening statement, each freeze reason paired with
 * its proofs from the checklist ("one matter, one proof"), the request, and the recap of contacts
 * so far. The HTML is well-formed XHTML, so the PDF is the same document rendered by
 * openhtmltopdf. Rendering a PDF blocks (fonts, layout): callers run it on a blocking-capable thread.
 */
public final class AppealLetters {

    /** Neither a configured font nor the shipped one can be read (a broken build), so a PDF would print boxes. */
    public static final class NoCjkFont extends RuntimeException {
        public NoCjkFont(List<String> looked) {
            super("No font with Chinese glyphs: none readable at " + looked + " and " + BUNDLED_FONT
                    + " is missing from the jar.");
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, Map<String, String>> LABELS = Map.of(
            "zh",
                    Map.ofEntries(
                            Map.entry("to", "致"),
                            Map.entry("file", "案号"),
                            Map.entry("platformLabel", "平台"),
                            Map.entry("account", "账户"),
                            Map.entry("amount", "冻结金额"),
                            Map.entry("case", "案件编号"),
                            Map.entry("opening", "情况说明"),
                            Map.entry("pairs", "冻结原因与对应证明"),
                            Map.entry("reason", "冻结原因"),
                            Map.entry("proof", "证明材料"),
                            Map.entry("status", "状态"),
                            Map.entry("request", "申请事项"),
                            Map.entry("recap", "沟通记录"),
                            Map.entry("noContacts", "尚无沟通记录。"),
                            Map.entry("ticket", "工单号"),
                            Map.entry("agreed", "约定"),
                            Map.entry("promised", "承诺回复时间"),
                            Map.entry("drill", "演练文件，非真实申诉。")),
            "en",
                    Map.ofEntries(
                            Map.entry("to", "To"),
                            Map.entry("file", "File"),
                            Map.entry("platformLabel", "Platform"),
                            Map.entry("account", "Account"),
                            Map.entry("amount", "Frozen amount"),
                            Map.entry("case", "Case"),
                            Map.entry("opening", "What happened"),
                            Map.entry("pairs", "Freeze reasons and their proofs"),
                            Map.entry("reason", "Reason"),
                            Map.entry("proof", "Proof"),
                            Map.entry("status", "Status"),
                            Map.entry("request", "Our request"),
                            Map.entry("recap", "Contacts so far"),
                            Map.entry("noContacts", "No contacts yet."),
                            Map.entry("ticket", "ticket"),
                            Map.entry("agreed", "agreed"),
                            Map.entry("promised", "reply promised by"),
                            Map.entry("drill", "Drill document, not a real appeal.")));
    private static final Map<String, Map<String, String>> STATUS = Map.of(
            "zh", Map.of("MISSING", "待补充", "RECEIVED", "已提交", "ACCEPTED", "已核验", "REJECTED", "已驳回，重新提交中"),
            "en",
                    Map.of(
                            "MISSING",
                            "to follow",
                            "RECEIVED",
                            "submitted",
                            "ACCEPTED",
                            "verified",
                            "REJECTED",
                            "rejected, being resubmitted"));

    /** Noto Sans SC Regular (SIL OFL 1.1), shipped in this jar: see thaw/cases/fonts/README.md. */
    public static final String BUNDLED_FONT = "thaw/cases/fonts/NotoSansSC-Regular.ttf";

    private static final String CJK_FAMILY = "CJK";

    private final Template template;
    private final ScriptRenderer scripts;
    private final List<String> cjkFonts;
    private volatile byte @org.jspecify.annotations.Nullable [] bundledFont;

    public AppealLetters(ScriptRenderer scripts, List<String> cjkFonts) {
        this.scripts = scripts;
        this.cjkFonts = List.copyOf(cjkFonts);
        try (InputStream in =
                AppealLetters.class.getClassLoader().getResourceAsStream("thaw/cases/appeal-letter.mustache")) {
            if (in == null) {
                throw new IllegalStateException("No appeal letter template");
            }
            template = Mustache.compiler().defaultValue("").compile(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The letter as XHTML in {@code lang} ("zh" or "en"). */
    public String html(
            IncidentCase c, Map<String, Map<String, String>> playbookScripts, String lang, ZoneId zone, Instant today) {
        Map<String, Object> model = new HashMap<>();
        boolean zh = lang.equals("zh");
        model.put("lang", zh ? "zh-CN" : "en");
        model.put("title", zh ? "账户解冻申诉函" : "Appeal to lift the account freeze");
        // Both languages: an English letter still carries Chinese names, addresses and file numbers.
        model.put("fontFamily", "'" + CJK_FAMILY + "', sans-serif");
        model.put("labels", LABELS.get(lang));
        model.put("platform", c.platform());
        model.put("accountReference", c.holder().accountReference());
        model.put("holderName", c.holder().displayName());
        model.put("reference", c.reference());
        model.put("amountText", ScriptRenderer.amountText(c, zh));
        model.put("drill", c.drill());
        model.put("date", WHEN.format(today.atZone(zone)).substring(0, 10));
        NoticeFacts facts = c.triageSuggestion() == null
                ? NoticeFacts.none()
                : c.triageSuggestion().facts();
        String account = c.holder().accountReference();
        if (c.scenario() == Scenario.JUDICIAL_FREEZE) {
            model.put(
                    "title",
                    zh ? "关于账户冻结范围及相关程序的咨询函" : "Enquiry about the scope of the account freeze and the procedure");
            // Only the authority's written release ends a judicial freeze: the letter goes to it, about its procedure.
            String authority =
                    facts.authority() != null ? facts.authority() : zh ? "执行机关" : "the enforcement authority";
            String file = facts.fileNumber();
            model.put("addressee", authority);
            model.put("fileNumber", file);
            model.put(
                    "opening",
                    zh
                            ? c.holder().displayName() + "（账户：" + account + "）在" + c.platform() + "的账户已根据贵方"
                                    + (file == null ? "" : file) + "文书被冻结。我方尊重并配合贵方的执行程序，特此就冻结范围与相关程序向贵方了解情况。"
                            : "The account " + account + " of " + c.holder().displayName() + " at " + c.platform()
                                    + " was frozen on your order" + (file == null ? "" : " " + file)
                                    + ". We respect and will cooperate with your procedure, and write to ask about the scope of the freeze and the procedure that applies.");
            model.put(
                    "request",
                    zh
                            ? "恳请贵方告知：一、本次冻结的范围（所涉账户、金额与期限）" + (file == null ? "" : "（案号 " + file + "）")
                                    + "；二、申请解除冻结或提出异议的程序、受理部门与所需材料；三、冻结金额以外的资金能否正常使用。我方将按贵方要求提交材料。"
                            : "Please tell us: (1) the scope of the freeze — which accounts, what amount and for how long"
                                    + (file == null ? "" : " (file " + file + ")")
                                    + "; (2) the procedure to apply for its release or to object, the office that handles it and the documents it needs; "
                                    + "(3) whether funds beyond the frozen amount may be used. We will provide whatever you ask for.");
        } else {
            model.put(
                    "addressee",
                    c.scenario() == Scenario.RISK_TXN
                            ? (zh ? c.platform() + " 风控审核团队" : c.platform() + " risk review team")
                            : (zh ? c.platform() + " 申诉处理团队" : c.platform() + " appeals team"));
            model.put(
                    "opening",
                    scripts.render(c, Map.of("opening", playbookScripts.getOrDefault("opening", Map.of())), lang, zone)
                            .getOrDefault("opening", ""));
            model.put(
                    "request",
                    zh
                            ? "恳请贵方核实上述材料后，解除对账户 " + account + " 的冻结，并书面告知处理结果及工单号。"
                            : "Please review the proofs above, lift the freeze on account " + account
                                    + ", and tell us the outcome and ticket number in writing.");
        }
        model.put("pairs", pairs(c, lang));
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (ContactEntry contact : c.contacts()) {
            Map<String, Object> line = new HashMap<>();
            line.put("at", WHEN.format(contact.at().atZone(zone)));
            line.put("channel", contact.channel().name());
            line.put("ticket", contact.ticketNumber());
            line.put("agent", contact.agent());
            line.put("summary", contact.summary());
            line.put("nextStep", contact.nextStep());
            line.put(
                    "promised",
                    contact.promisedReplyAt() == null
                            ? null
                            : WHEN.format(contact.promisedReplyAt().atZone(zone)));
            contacts.add(line);
        }
        model.put("contacts", contacts);
        return template.execute(model);
    }

    /** Reason → proof pairs: one line per checklist requirement, grouped under the reason it answers. */
    static List<Map<String, String>> pairs(IncidentCase c, String lang) {
        Map<String, List<ChecklistItem>> byReason = new LinkedHashMap<>();
        for (ChecklistItem item : c.checklist()) {
            byReason.computeIfAbsent(lang.equals("zh") ? item.reasonZh() : item.reasonEn(), r -> new ArrayList<>())
                    .add(item);
        }
        List<Map<String, String>> pairs = new ArrayList<>();
        byReason.forEach((reason, items) -> {
            for (ChecklistItem item : items) {
                pairs.add(Map.of(
                        "reason",
                        reason,
                        "proof",
                        ChecklistCatalogue.label(item.code(), lang),
                        "status",
                        STATUS.get(lang).get(item.status().name())));
            }
        });
        return pairs;
    }

    /**
     * The letter as PDF. Blocking: fonts are read and the layout is computed here. Every letter, in
     * either language, is set in a font with Chinese glyphs — a configured file if one is readable,
     * else the Noto Sans SC shipped in this jar ({@link #BUNDLED_FONT}) — so a holder's Chinese name
     * prints in an English letter too, and nothing depends on the host's fonts.
     */
    public byte[] pdf(String html, boolean needsCjk) {
        Optional<Path> configured = cjkFonts.stream()
                .map(Path::of)
                .filter(Files::isRegularFile)
                .filter(Files::isReadable)
                .findFirst();
        byte[] bundled = configured.isPresent() ? null : bundledFont();
        if (configured.isEmpty() && bundled == null) {
            throw new NoCjkFont(cjkFonts);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            TrueTypeCollection collection = null;
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .usePDDocument(document)
                    .withHtmlContent(html, null)
                    .toStream(out);
            if (configured.isPresent()) {
                Path file = configured.get();
                if (file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                    collection = new TrueTypeCollection(file.toFile());
                    TrueTypeFont[] first = new TrueTypeFont[1];
                    collection.processAllFonts(ttf -> {
                        if (first[0] == null) {
                            first[0] = ttf;
                        }
                    });
                    builder.useFont(new PDFontSupplier(PDType0Font.load(document, first[0], true)), CJK_FAMILY);
                } else {
                    builder.useFont(new PDFontSupplier(PDType0Font.load(document, file.toFile())), CJK_FAMILY);
                }
            } else {
                builder.useFont(
                        new PDFontSupplier(PDType0Font.load(document, new java.io.ByteArrayInputStream(bundled), true)),
                        CJK_FAMILY);
            }
            try {
                builder.run();
            } finally {
                if (collection != null) {
                    collection.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The shipped font's bytes, read once; null only if the jar lacks it. */
    private byte @org.jspecify.annotations.Nullable [] bundledFont() {
        byte[] font = bundledFont;
        if (font == null) {
            try (InputStream in = AppealLetters.class.getClassLoader().getResourceAsStream(BUNDLED_FONT)) {
                if (in == null) {
                    return null;
                }
                font = in.readAllBytes();
                bundledFont = font;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return font;
    }
}
