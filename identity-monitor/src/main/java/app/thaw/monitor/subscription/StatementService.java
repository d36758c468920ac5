package app.thaw.monitor.subscription;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Monthly statements finance invoices from (ADR 63): a tenant's usage statement (the plan in force
 * at the month's end, its fee, and per metered item the limit, the use each service metered and what
 * went over), and a partner's statement (the subscribers it referred, their plans, fees and usage, and
 * its share of their fees at its rate). Both as JSON and CSV ({@link #csv}).
 */
public class StatementService {

    private final SubscriptionService subscriptions;
    private final Clock clock;

    public StatementService(SubscriptionService subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** @param overLimit use beyond the limit (what is counted but not refused: a case an alert opened); null when unlimited or unknown */
    public record Line(
            String item,
            String meteredBy,
            @Nullable Long limit,
            @Nullable Long used,
            @Nullable Long overLimit) {}

    public record Statement(
            String tenantId,
            String month,
            String plan,
            BigDecimal fee,
            String currency,
            @Nullable String referredBy,
            List<Line> lines,
            Instant generatedAt) {}

    public record Subscriber(
            String tenantId, String plan, BigDecimal fee, String currency, Map<String, @Nullable Long> usage) {}

    /** @param share {@code totalFees × shareRate}, rounded half up to the cent */
    public record PartnerStatement(
            String partnerTenantId,
            String month,
            BigDecimal shareRate,
            String currency,
            List<Subscriber> subscribers,
            BigDecimal totalFees,
            BigDecimal share,
            Instant generatedAt) {}

    public Mono<Statement> statement(String tenantId, YearMonth month) {
        Instant monthEnd = Quotas.resetsAt(month).minusMillis(1);
        return subscriptions
                .planAt(tenantId, monthEnd)
                .flatMap(plan -> Mono.zip(
                                subscriptions.usage(tenantId, plan, month),
                                subscriptions
                                        .referredBy(tenantId)
                                        .map(java.util.Optional::of)
                                        .defaultIfEmpty(java.util.Optional.empty()))
                        .map(found -> new Statement(
                                tenantId,
                                month.toString(),
                                plan.code(),
                                plan.fee().amount(),
                                plan.fee().currency(),
                                found.getT2().orElse(null),
                                found.getT1().stream()
                                        .map(StatementService::line)
                                        .toList(),
                                clock.instant())));
    }

    public Mono<PartnerStatement> partnerStatement(String partnerTenantId, YearMonth month) {
        return Mono.zip(
                        subscriptions.shareRate(partnerTenantId),
                        subscriptions
                                .referredTo(partnerTenantId)
                                .concatMap(tenant -> statement(tenant, month))
                                .collectList())
                .map(found -> {
                    BigDecimal rate = found.getT1();
                    List<Subscriber> subscribers = new ArrayList<>();
                    BigDecimal total = BigDecimal.ZERO.setScale(2);
                    String currency = "CNY";
                    for (Statement statement : found.getT2()) {
                        Map<String, @Nullable Long> usage = new LinkedHashMap<>();
                        statement.lines().forEach(line -> usage.put(line.item(), line.used()));
                        subscribers.add(new Subscriber(
                                statement.tenantId(), statement.plan(), statement.fee(), statement.currency(), usage));
                        if (!subscribers.getFirst().currency().equals(statement.currency())) {
                            throw new IllegalStateException(
                                    "Partner " + partnerTenantId + "'s subscribers pay in more than one currency");
                        }
                        currency = statement.currency();
                        total = total.add(statement.fee());
                    }
                    return new PartnerStatement(
                            partnerTenantId,
                            month.toString(),
                            rate,
                            currency,
                            subscribers,
                            total,
                            total.multiply(rate).setScale(2, RoundingMode.HALF_UP),
                            clock.instant());
                });
    }

    private static Line line(SubscriptionService.Quota quota) {
        Long over = quota.limit() == null || quota.used() == null ? null : Math.max(0, quota.used() - quota.limit());
        return new Line(quota.item(), quota.meteredBy(), quota.limit(), quota.used(), over);
    }

    /** The statement as CSV: a plan-fee line, then a usage line per item (RFC 4180; ids and codes need no quoting). */
    public static String csv(Statement statement) {
        StringBuilder out = new StringBuilder("tenantId,month,line,item,quantity,limit,overLimit,amount,currency\r\n");
        out.append(String.join(
                        ",",
                        statement.tenantId(),
                        statement.month(),
                        "plan_fee",
                        statement.plan(),
                        "1",
                        "",
                        "",
                        statement.fee().toPlainString(),
                        statement.currency()))
                .append("\r\n");
        for (Line line : statement.lines()) {
            out.append(String.join(
                            ",",
                            statement.tenantId(),
                            statement.month(),
                            "usage",
                            line.item(),
                            text(line.used()),
                            text(line.limit()),
                            text(line.overLimit()),
                            "",
                            ""))
                    .append("\r\n");
        }
        return out.toString();
    }

    /** The partner statement as CSV: a line per referred subscriber (plan, fee, each item's use), then the total and the share. */
    public static String csv(PartnerStatement statement) {
        List<String> items = java.util.Arrays.stream(MeteredItem.values())
                .map(MeteredItem::key)
                .toList();
        StringBuilder out = new StringBuilder(
                "partnerTenantId,month,line,subscriber,plan,amount,currency," + String.join(",", items) + "\r\n");
        for (Subscriber subscriber : statement.subscribers()) {
            List<String> cells = new ArrayList<>(List.of(
                    statement.partnerTenantId(),
                    statement.month(),
                    "subscriber",
                    subscriber.tenantId(),
                    subscriber.plan(),
                    subscriber.fee().toPlainString(),
                    subscriber.currency()));
            items.forEach(item -> cells.add(text(subscriber.usage().get(item))));
            out.append(String.join(",", cells)).append("\r\n");
        }
        String blanks = ",".repeat(items.size());
        out.append(String.join(
                        ",",
                        statement.partnerTenantId(),
                        statement.month(),
                        "total_fees",
                        "",
                        "",
                        statement.totalFees().toPlainString(),
                        statement.currency()))
                .append(blanks)
                .append("\r\n");
        out.append(String.join(
                        ",",
                        statement.partnerTenantId(),
                        statement.month(),
                        "share",
                        "",
                        statement.shareRate().toPlainString(),
                        statement.share().toPlainString(),
                        statement.currency()))
                .append(blanks)
                .append("\r\n");
        return out.toString();
    }

    private static String text(@Nullable Long value) {
        return value == null ? "" : value.toString();
    }
}
