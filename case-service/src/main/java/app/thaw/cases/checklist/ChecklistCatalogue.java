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
 * Derives a case's evidence checklist from its scenario and the holder's entity type (DOMAIN §5).
 * Each requirement is tied to the freeze reason it answers, "one matter, one proof", so the
 * appeal letter can pair every reason with its proof.
 */
public final class ChecklistCatalogue {

    /** The catalogue's requirement codes. */
    public static final Set<String> CODES = Set.of("ID_DOCUMENT", "ID_SELFIE", "BUSINESS_LICENSE", "LEGAL_REP_ID",
            "CORPORATE_ACCOUNT_PROOF", "INDUSTRY_PERMIT", "ORDER_RECORDS", "LOGISTICS_PROOF", "PACKING_MEDIA", "BANK_STATEMENT",
            "TRANSACTION_BACKGROUND", "PAYMENT_RECEIPTS", "ORIGINALITY_PROOF", "LICENSE_AGREEMENT", "COMMUNICATION_RECORDS",
            "COUNTERPARTY_CONFIRMATION", "PLATFORM_RULE_EXCERPT", "POLICE_REPORT", "CREDIT_REPORT", "MISUSE_STATEMENT",
            "ENFORCEMENT_NOTICE");

    /** A freeze reason in both languages. */
    record Reason(String code, String zh, String en) {
    }

    private static final Reason IDENTITY = new Reason("IDENTITY_UNCONFIRMED", "需确认账户持有人身份", "the account holder's identity must be confirmed");
    private static final Reason ENTITY = new Reason("ENTITY_UNCONFIRMED", "需确认企业主体资格与账户同属一主体", "the enterprise and the account must be shown to be the same entity");
    private static final Reason FLAGGED = new Reason("FLAGGED_TRANSACTIONS", "被标记交易的真实背景与用途不明", "the flagged transactions' purpose and background are unclear");
    private static final Reason FUNDS = new Reason("FUNDS_ORIGIN", "资金来源与流向需说明", "the origin and flow of the funds must be explained");
    private static final Reason LOGIN = new Reason("LOGIN_ANOMALY", "异常登录/设备需确认为本人", "the unusual logins and devices must be shown to be the holder's");
    private static final Reason THEFT = new Reason("ACCOUNT_STOLEN", "账户被盗需证明非本人操作", "the account was stolen: the activity must be shown not to be the holder's");
    private static final Reason DISPUTE = new Reason("ORDER_DISPUTE", "订单纠纷/虚假发货嫌疑需证明真实履约", "the disputed orders must be shown to be real and fulfilled");
    private static final Reason VIOLATION = new Reason("RULE_VIOLATION", "涉嫌违反平台规则需说明依据", "the alleged rule breach must be answered with the rule relied on");
    private static final Reason IP = new Reason("CONTENT_RIGHTS", "内容/知识产权需证明原创或已获授权", "the content must be shown to be original or licensed");
    private static final Reason ENFORCEMENT = new Reason("ENFORCEMENT_ORDER", "司法/公安冻结需核实执行机关与案号", "the enforcement authority and file number must be verified");
    private static final Reason AUTHORITY = new Reason("AUTHORITY_NOTICE", "有权机关通知：仅由合规部门处理", "a competent authority's notice: handled by compliance only");
    private static final Reason MISUSE = new Reason("IDENTITY_MISUSED", "身份被冒用需报案并说明", "the identity misuse must be reported and declared");
    private static final Reason CREDIT = new Reason("FALSE_CREDIT_RECORDS", "征信中的虚假记录需逐条异议", "false credit records must each be disputed");
    private static final Reason DORMANT = new Reason("DORMANT_ACCOUNT", "长期未使用需重新验证身份以激活", "the dormant account needs fresh identity verification to reactivate");
    private static final Reason MATERIALS = new Reason("MATERIALS_DEFICIENT", "此前提交的材料不完整或不合规", "the earlier submission was incomplete or non-compliant");
    private static final Reason CONTACT = new Reason("CONTACT_HISTORY", "沟通过程需完整留痕", "the contacts so far must be on record, complete and unedited");

    private ChecklistCatalogue() {
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
        items.forEach((code, reason) -> checklist.add(ChecklistItem.missing(code, reason.code(), reason.zh(), reason.en())));
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
