package app.thaw.cases.checklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.thaw.cases.incident.ChecklistItem;
import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.Scenario;

/**
 * Derives a case's evidence checklist from its scenario and the holder's entity type (docs/domain.md §5).
 * Each requirement is tied to the freeze reason it answers, "one matter, one proof", so the
 * appeal letter can pair every reason with its proof.
 */
public final class ChecklistCatalogue {

    /** The catalogue's requirement codes. */
    public static final Set<String> CODES = Set.of(
            "ID_DOCUMENT",
            "ID_SELFIE",
            "BUSINESS_LICENSE",
            "LEGAL_REP_ID",
            "CORPORATE_ACCOUNT_PROOF",
            "INDUSTRY_PERMIT",
            "ORDER_RECORDS",
            "LOGISTICS_PROOF",
            "PACKING_MEDIA",
            "BANK_STATEMENT",
            "TRANSACTION_BACKGROUND",
            "PAYMENT_RECEIPTS",
            "ORIGINALITY_PROOF",
            "LICENSE_AGREEMENT",
            "COMMUNICATION_RECORDS",
            "COUNTERPARTY_CONFIRMATION",
            "PLATFORM_RULE_EXCERPT",
            "POLICE_REPORT",
            "CREDIT_REPORT",
            "MISUSE_STATEMENT",
            "ENFORCEMENT_NOTICE");

    /** A freeze reason in both languages. */
    record Reason(String code, String zh, String en) {}

    private static final Reason IDENTITY =
            new Reason("IDENTITY_UNCONFIRMED", "需确认账户持有人身份", "the account holder's identity must be confirmed");
    private static final Reason ENTITY = new Reason(
            "ENTITY_UNCONFIRMED",
            "需确认企业主体资格与账户同属一主体",
            "the enterprise and the account must be shown to be the same entity");
    private static final Reason FLAGGED = new Reason(
            "FLAGGED_TRANSACTIONS", "被标记交易的真实背景与用途不明", "the flagged transactions' purpose and background are unclear");
    private static final Reason FUNDS =
            new Reason("FUNDS_ORIGIN", "资金来源与流向需说明", "the origin and flow of the funds must be explained");
    private static final Reason LOGIN = new Reason(
            "LOGIN_ANOMALY", "异常登录/设备需确认为本人", "the unusual logins and devices must be shown to be the holder's");
    private static final Reason THEFT = new Reason(
            "ACCOUNT_STOLEN",
            "账户被盗需证明非本人操作",
            "the account was stolen: the activity must be shown not to be the holder's");
    private static final Reason DISPUTE = new Reason(
            "ORDER_DISPUTE", "订单纠纷/虚假发货嫌疑需证明真实履约", "the disputed orders must be shown to be real and fulfilled");
    private static final Reason VIOLATION = new Reason(
            "RULE_VIOLATION", "涉嫌违反平台规则需说明依据", "the alleged rule breach must be answered with the rule relied on");
    private static final Reason IP =
            new Reason("CONTENT_RIGHTS", "内容/知识产权需证明原创或已获授权", "the content must be shown to be original or licensed");
    private static final Reason ENFORCEMENT = new Reason(
            "ENFORCEMENT_ORDER", "司法/公安冻结需核实执行机关与案号", "the enforcement authority and file number must be verified");
    private static final Reason AUTHORITY = new Reason(
            "AUTHORITY_NOTICE", "有权机关通知：仅由合规部门处理", "a competent authority's notice: handled by compliance only");
    private static final Reason MISUSE =
            new Reason("IDENTITY_MISUSED", "身份被冒用需报案并说明", "the identity misuse must be reported and declared");
    private static final Reason CREDIT =
            new Reason("FALSE_CREDIT_RECORDS", "征信中的虚假记录需逐条异议", "false credit records must each be disputed");
    private static final Reason DORMANT = new Reason(
            "DORMANT_ACCOUNT",
            "长期未使用需重新验证身份以激活",
            "the dormant account needs fresh identity verification to reactivate");
    private static final Reason MATERIALS = new Reason(
            "MATERIALS_DEFICIENT", "此前提交的材料不完整或不合规", "the earlier submission was incomplete or non-compliant");
    private static final Reason CONTACT =
            new Reason("CONTACT_HISTORY", "沟通过程需完整留痕", "the contacts so far must be on record, complete and unedited");

    private ChecklistCatalogue() {}

    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("ID_DOCUMENT", new String[] {"身份证件（正反面）", "identity document (both sides)"}),
            Map.entry("ID_SELFIE", new String[] {"手持证件自拍", "selfie with the document"}),
            Map.entry("BUSINESS_LICENSE", new String[] {"营业执照（加盖公章）", "business license (stamped)"}),
            Map.entry("LEGAL_REP_ID", new String[] {"法定代表人身份证", "legal representative's ID"}),
            Map.entry("CORPORATE_ACCOUNT_PROOF", new String[] {"开户许可证或银行证明", "account-opening permit or bank letter"}),
            Map.entry("INDUSTRY_PERMIT", new String[] {"行业许可证", "industry permit"}),
            Map.entry("ORDER_RECORDS", new String[] {"订单记录", "order records"}),
            Map.entry("LOGISTICS_PROOF", new String[] {"物流凭证与完整轨迹", "carrier receipt and full tracking"}),
            Map.entry("PACKING_MEDIA", new String[] {"打包照片或视频", "packing photo or video"}),
            Map.entry("BANK_STATEMENT", new String[] {"银行流水", "bank statement"}),
            Map.entry(
                    "TRANSACTION_BACKGROUND",
                    new String[] {"交易背景证明（合同、发票、聊天记录）", "transaction background (contract, invoice, chat)"}),
            Map.entry("PAYMENT_RECEIPTS", new String[] {"第三方支付记录", "third-party payment records"}),
            Map.entry("ORIGINALITY_PROOF", new String[] {"原创证明", "proof of originality"}),
            Map.entry("LICENSE_AGREEMENT", new String[] {"授权或购买证明", "licence or purchase proof"}),
            Map.entry("COMMUNICATION_RECORDS", new String[] {"完整沟通记录", "complete communication records"}),
            Map.entry("COUNTERPARTY_CONFIRMATION", new String[] {"买家书面确认", "buyer's written confirmation"}),
            Map.entry("PLATFORM_RULE_EXCERPT", new String[] {"平台规则原文（标注）", "platform rule text (marked)"}),
            Map.entry("POLICE_REPORT", new String[] {"报警回执", "police report receipt"}),
            Map.entry("CREDIT_REPORT", new String[] {"征信报告", "credit report"}),
            Map.entry("MISUSE_STATEMENT", new String[] {"冒用声明", "misuse statement"}),
            Map.entry("ENFORCEMENT_NOTICE", new String[] {"执行机关通知书", "enforcement notice"}));

    /** A requirement's name for people, in {@code zh} or {@code en}. */
    public static String label(String code, String lang) {
        String[] label = LABELS.get(code);
        return label == null ? code : label[lang.equals("zh") ? 0 : 1];
    }

    public static List<ChecklistItem> derive(Scenario scenario, EntityType entity) {
        Map<String, Reason> items = new LinkedHashMap<>();
        boolean person = entity == EntityType.INDIVIDUAL;
        switch (scenario) {
            case RISK_TXN -> {
                identity(items, person, IDENTITY);
                items.put("TRANSACTION_BACKGROUND", FLAGGED);
                items.put("BANK_STATEMENT", FLAGGED);
                items.put("PAYMENT_RECEIPTS", FLAGGED);
            }
            case AML_REVIEW -> {
                identity(items, person, IDENTITY);
                items.put("BANK_STATEMENT", FUNDS);
                items.put("TRANSACTION_BACKGROUND", FUNDS);
                items.put("PAYMENT_RECEIPTS", FUNDS);
            }
            case ACCOUNT_ANOMALY -> {
                identity(items, person, LOGIN);
                if (person) {
                    items.put("ID_SELFIE", LOGIN);
                }
            }
            case ACCOUNT_TAKEOVER -> {
                identity(items, person, THEFT);
                items.put("POLICE_REPORT", THEFT);
                items.put("COMMUNICATION_RECORDS", THEFT);
            }
            case DISPUTE_OR_VIOLATION -> {
                identity(items, person, IDENTITY);
                items.put("ORDER_RECORDS", DISPUTE);
                items.put("LOGISTICS_PROOF", DISPUTE);
                items.put("PACKING_MEDIA", DISPUTE);
                items.put("COUNTERPARTY_CONFIRMATION", DISPUTE);
                items.put("PLATFORM_RULE_EXCERPT", VIOLATION);
                items.put("ORIGINALITY_PROOF", IP);
                items.put("LICENSE_AGREEMENT", IP);
            }
            case JUDICIAL_FREEZE -> {
                items.put("ENFORCEMENT_NOTICE", ENFORCEMENT);
                identity(items, person, IDENTITY);
                items.put("BANK_STATEMENT", ENFORCEMENT);
                items.put("TRANSACTION_BACKGROUND", ENFORCEMENT);
            }
            case COMPLIANCE_HOLD -> {
                identity(items, person, AUTHORITY);
                items.put("BANK_STATEMENT", AUTHORITY);
                items.put("TRANSACTION_BACKGROUND", AUTHORITY);
            }
            case IDENTITY_MISUSE -> {
                items.put("ID_DOCUMENT", MISUSE);
                items.put("POLICE_REPORT", MISUSE);
                items.put("MISUSE_STATEMENT", MISUSE);
                items.put("CREDIT_REPORT", CREDIT);
            }
            case DORMANCY -> identity(items, person, DORMANT);
            case MATERIALS_DEFICIENT -> identity(items, person, MATERIALS);
        }
        items.putIfAbsent("COMMUNICATION_RECORDS", CONTACT);
        List<ChecklistItem> checklist = new ArrayList<>();
        items.forEach(
                (code, reason) -> checklist.add(ChecklistItem.missing(code, reason.code(), reason.zh(), reason.en())));
        return List.copyOf(checklist);
    }

    private static void identity(Map<String, Reason> items, boolean person, Reason reason) {
        if (person) {
            items.put("ID_DOCUMENT", reason);
            items.put("ID_SELFIE", reason);
        } else {
            items.put("BUSINESS_LICENSE", reason == IDENTITY ? ENTITY : reason);
            items.put("LEGAL_REP_ID", reason == IDENTITY ? ENTITY : reason);
            items.put("CORPORATE_ACCOUNT_PROOF", reason == IDENTITY ? ENTITY : reason);
        }
    }
}
