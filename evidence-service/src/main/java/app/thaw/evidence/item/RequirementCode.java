package app.thaw.evidence.item;

import java.util.Arrays;
import java.util.Optional;

/** The evidence catalogue of docs/domain.md §5: what a file is meant to prove. */
public enum RequirementCode {
    ID_DOCUMENT,
    ID_SELFIE,
    BUSINESS_LICENSE,
    LEGAL_REP_ID,
    CORPORATE_ACCOUNT_PROOF,
    INDUSTRY_PERMIT,
    ORDER_RECORDS,
    LOGISTICS_PROOF,
    PACKING_MEDIA,
    BANK_STATEMENT,
    TRANSACTION_BACKGROUND,
    PAYMENT_RECEIPTS,
    ORIGINALITY_PROOF,
    LICENSE_AGREEMENT,
    COMMUNICATION_RECORDS,
    COUNTERPARTY_CONFIRMATION,
    PLATFORM_RULE_EXCERPT,
    POLICE_REPORT,
    CREDIT_REPORT,
    MISUSE_STATEMENT,
    ENFORCEMENT_NOTICE;

    public static Optional<RequirementCode> parse(String code) {
        return Arrays.stream(values())
                .filter(value -> value.name().equals(code))
                .findFirst();
    }
}
