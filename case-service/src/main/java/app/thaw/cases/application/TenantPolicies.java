package app.thaw.cases.application;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import app.thaw.cases.incident.CasePolicy;
import app.thaw.platform.calendar.BusinessCalendar;
import app.thaw.platform.calendar.BusinessCalendars;
import app.thaw.platform.calendar.TenantCalendarSettings;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A tenant's policy and business calendar: its own settings over the service's defaults. */
public class TenantPolicies {

    public static final String SETTINGS = "tenant_settings";

    /** What a case operation needs to know about its tenant. */
    public record TenantContext(CasePolicy policy, BusinessCalendar calendar) {

        public ZoneId zone() {
            return calendar.zone();
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final BusinessCalendars calendars;
    private final CaseProperties properties;
    private final TenantContext defaults;

    public TenantPolicies(ReactiveMongoTemplate mongo, BusinessCalendars calendars, CaseProperties properties) {
        this.mongo = mongo;
        this.calendars = calendars;
        this.properties = properties;
        // At startup: the default country's holiday data is read from the classpath here, once.
        this.defaults = new TenantContext(properties.defaults().policy(), calendars.forTenant(calendarSettings(TenantSettings.empty("-"))));
    }

    public Mono<TenantContext> forTenant(String tenantId) {
        return settings(tenantId).flatMap(settings -> {
            TenantCalendarSettings calendar = calendarSettings(settings);
            CasePolicy policy = settings.policy(properties.defaults().policy());
            if (calendar.equals(defaults.calendar().settings())) {
                return Mono.just(new TenantContext(policy, defaults.calendar()));
            }
            // Another country's holiday data may have to be read from the classpath the first time.
            return Mono.fromCallable(() -> new TenantContext(policy, calendars.forTenant(calendar))).subscribeOn(Schedulers.boundedElastic());
        });
    }

    public Mono<TenantSettings> settings(String tenantId) {
        return mongo.findById(tenantId, TenantSettings.class, SETTINGS).defaultIfEmpty(TenantSettings.empty(tenantId));
    }

    /**
     * Stores a tenant's settings after checking that they make a calendar (an unknown country or
     * zone is a 422 problem naming it); {@code expectedVersion} guards against a concurrent edit.
     */
    public Mono<TenantSettings> update(TenantSettings next, long expectedVersion) {
        return Mono.fromCallable(() -> calendars.forTenant(calendarSettings(next))).subscribeOn(Schedulers.boundedElastic())
                .then(mongo.findAndReplace(Query.query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion)),
                                withVersion(next, expectedVersion + 1), SETTINGS)
                        .switchIfEmpty(Mono.defer(() -> expectedVersion == 0
                                ? mongo.insert(withVersion(next, 1), SETTINGS)
                                        .onErrorMap(DuplicateKeyException.class, d -> CaseProblems.versionConflict())
                                : Mono.error(CaseProblems.versionConflict())))
                        .then(settings(next.id())));
    }

    private static TenantSettings withVersion(TenantSettings s, long version) {
        return new TenantSettings(s.id(), s.country(), s.subdivision(), s.timeZone(), s.extraHolidays(), s.extraWorkingDays(),
                s.goldenMinutes(), s.takeoverFreezeMinutes(), s.takeoverProofMinutes(), s.takeoverContactMinutes(),
                s.partnerReviewMinutes(), s.supplementAckHours(), s.resolutionBusinessDays(), s.firstFollowUpBusinessDays(),
                s.nextFollowUpBusinessDays(), s.pauseWhileWaitingOn(), s.whyDepth(), s.autoTriageConfidence(), version);
    }

    private TenantCalendarSettings calendarSettings(TenantSettings settings) {
        CaseProperties.Defaults d = properties.defaults();
        TenantCalendarSettings calendar = TenantCalendarSettings.of(Objects.requireNonNullElse(settings.country(), d.country()),
                Objects.requireNonNullElse(settings.timeZone(), d.timeZone()));
        String subdivision = settings.country() == null ? d.subdivision() : settings.subdivision();
        if (subdivision != null) {
            calendar = calendar.withSubdivision(subdivision);
        }
        List<java.time.LocalDate> holidays = settings.extraHolidays();
        if (holidays != null) {
            calendar = calendar.withExtraHolidays(holidays.toArray(java.time.LocalDate[]::new));
        }
        List<java.time.LocalDate> working = settings.extraWorkingDays();
        if (working != null) {
            calendar = calendar.withExtraWorkingDays(working.toArray(java.time.LocalDate[]::new));
        }
        return calendar;
    }
}
