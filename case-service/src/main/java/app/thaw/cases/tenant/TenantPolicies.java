package app.thaw.cases.tenant;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import app.thaw.cases.calendar.BusinessCalendar;
import app.thaw.cases.calendar.BusinessCalendars;
import app.thaw.cases.calendar.TenantCalendarSettings;
import app.thaw.cases.incident.CasePolicy;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A tenant's policy and business calendar: its own settings over the service's defaults. */
public class TenantPolicies {

    /** What a case operation needs to know about its tenant. */
    public record TenantContext(CasePolicy policy, BusinessCalendar calendar) {

        public ZoneId zone() {
            return calendar.zone();
        }
    }

    private final TenantSettingsStore store;
    private final BusinessCalendars calendars;
    private final CaseProperties properties;
    private final TenantContext defaults;

    public TenantPolicies(TenantSettingsStore store, BusinessCalendars calendars, CaseProperties properties) {
        this.store = store;
        this.calendars = calendars;
        this.properties = properties;
        // At startup: the default country's holiday data is read from the classpath here, once.
        this.defaults = new TenantContext(
                properties.defaults().policy(), calendars.forTenant(calendarSettings(TenantSettings.empty("-"))));
    }

    public Mono<TenantContext> forTenant(String tenantId) {
        return settings(tenantId).flatMap(settings -> {
            TenantCalendarSettings calendar = calendarSettings(settings);
            CasePolicy policy = settings.policy(properties.defaults().policy());
            if (calendar.equals(defaults.calendar().settings())) {
                return Mono.just(new TenantContext(policy, defaults.calendar()));
            }
            // Another country's holiday data may have to be read from the classpath the first time.
            return Mono.fromCallable(() -> new TenantContext(policy, calendars.forTenant(calendar)))
                    .subscribeOn(Schedulers.boundedElastic());
        });
    }

    public Mono<TenantSettings> settings(String tenantId) {
        return store.find(tenantId).defaultIfEmpty(TenantSettings.empty(tenantId));
    }

    /**
     * Stores a tenant's settings after checking that they make a calendar (an unknown country or
     * zone is a 422 problem naming it); {@code expectedVersion} guards against a concurrent edit.
     */
    public Mono<TenantSettings> update(TenantSettings next, long expectedVersion) {
        return Mono.fromCallable(() -> calendars.forTenant(calendarSettings(next)))
                .subscribeOn(Schedulers.boundedElastic())
                .then(store.replace(next, expectedVersion))
                .then(settings(next.id()));
    }

    private TenantCalendarSettings calendarSettings(TenantSettings settings) {
        CaseProperties.Defaults d = properties.defaults();
        TenantCalendarSettings calendar = TenantCalendarSettings.of(
                Objects.requireNonNullElse(settings.country(), d.country()),
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
