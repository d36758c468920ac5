package app.thaw.cases.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import app.thaw.cases.calendar.BusinessCalendar;
import app.thaw.cases.calendar.FollowUpRules;
import org.jspecify.annotations.Nullable;

/**
 * An incident case, the aggregate at the heart of Thaw. It guards its own lifecycle (docs/domain.md §3)
 * and clocks (§7, §8), and records every change as a {@link CaseEvent} that becomes both a line
 * of its timeline and an event for other services. Everything about a case lives in this one
 * object, so a change is stored in one single-document write: nothing is ever half-written.
 */
public final class IncidentCase {

    private static final String SYSTEM = "system";
    /** The owner role of a partner bank's playbook steps (playbooks.yaml) and of the partner-review clock. */
    static final String PARTNER_BANK = "partner_bank";

    private String id = "";
    private String tenantId = "";
    private String reference = "";
    private long version;
    private boolean drill;
    private Scenario scenario = Scenario.RISK_TXN;
    private @Nullable MaterialsGrade materialsGrade;
    private FreezeScope scope = FreezeScope.UNKNOWN;
    private boolean restricted;
    private CaseStatus status = CaseStatus.OPEN;
    private @Nullable Outcome outcome;
    private Holder holder = new Holder(EntityType.INDIVIDUAL, "", "");
    private String platform = "";
    private Notice notice = new Notice("", null);
    private @Nullable Money frozenAmount;
    private Instant detectedAt = Instant.EPOCH;
    private Instant openedAt = Instant.EPOCH;
    private String openedBy = "";
    private @Nullable String assignee;
    private @Nullable String sourceAlertId;
    private @Nullable String releaseReference;
    private @Nullable TriageSuggestion triage;
    // Triage matched no scenario: the provisional plan stands until a person triages the case.
    private boolean needsPerson;
    private @Nullable String playbookId;
    private int playbookVersion;
    private List<ChecklistItem> checklist = new ArrayList<>();
    private List<CaseTask> tasks = new ArrayList<>();
    private List<CaseClock> clocks = new ArrayList<>();
    private List<ContactEntry> contacts = new ArrayList<>();
    private List<WaitingPeriod> waiting = new ArrayList<>();
    private List<String> supplementItems = new ArrayList<>();
    private @Nullable Escalation escalation;
    private @Nullable Review review;
    // The completed review in lower case, for the tenant's case library search.
    private @Nullable String libraryText;
    private List<TimelineEntry> timeline = new ArrayList<>();
    // Denormalised for the queue's "clock at risk" filter: the earliest running deadline, and
    // whether a breached deadline is still unmet.
    private @Nullable Instant nextClockDueAt;
    private boolean unmetBreach;
    private Instant updatedAt = Instant.EPOCH;
    private @Nullable Instant closedAt;

    private transient List<CaseEvent> recorded = new ArrayList<>();

    // For the store's mapping, which sets the fields of a stored case; new cases come from open().
    private IncidentCase() {}

    /**
     * Opens a case from intake. The golden-15 clock starts at once; a suggestion at least as sure
     * as the tenant's threshold (or a scenario fixed by an alert or drill) triages it at once too.
     */
    public static IncidentCase open(
            CaseId id,
            OpeningFacts facts,
            TriageSuggestion suggestion,
            ScenarioPlan plan,
            CasePolicy policy,
            Instant now,
            String actor) {
        return open(id, facts, suggestion, plan, policy, null, now, actor);
    }

    /**
     * Opens a case from intake, as above; with the tenant's {@code calendar}, each time limit the
     * notice states also becomes a {@link ClockKind#NOTICE_DEADLINE} clock, counted from detection.
     */
    public static IncidentCase open(
            CaseId id,
            OpeningFacts facts,
            TriageSuggestion suggestion,
            ScenarioPlan plan,
            CasePolicy policy,
            @Nullable BusinessCalendar calendar,
            Instant now,
            String actor) {
        IncidentCase c = new IncidentCase();
        c.id = id.value();
        c.tenantId = facts.tenantId();
        c.reference = facts.reference();
        c.drill = facts.drill();
        c.holder = facts.holder();
        c.platform = facts.platform();
        c.notice = facts.notice();
        c.frozenAmount = facts.frozenAmount();
        c.detectedAt = facts.detectedAt();
        c.openedAt = now;
        c.openedBy = actor;
        c.assignee = facts.assignee();
        c.sourceAlertId = facts.sourceAlertId();
        c.triage = suggestion;
        c.scenario = provisionalScenario(facts.forcedScenario(), suggestion);
        c.needsPerson = facts.forcedScenario() == null && suggestion.needsPerson();
        c.materialsGrade = suggestion.materialsGrade();
        c.scope = facts.statedScope() != null
                ? facts.statedScope()
                : facts.forcedScenario() != null ? c.scenario.defaultScope() : suggestion.scope();
        c.restricted = c.scenario.restricted();
        c.status = CaseStatus.OPEN;
        c.record(new CaseEvent.Opened(now, actor));
        c.startClock(
                CaseClock.start(
                        c.id + "/golden-15",
                        ClockKind.GOLDEN_15,
                        "First notification to the client",
                        "staff_agent",
                        true,
                        now,
                        now.plus(policy.golden()),
                        null),
                now,
                actor);
        c.applyPlan(plan, policy, now, actor);
        if (calendar != null) {
            c.startNoticeDeadlines(suggestion.facts(), calendar, now, actor);
        }
        if (c.needsPerson) {
            c.record(new CaseEvent.Noted(
                    now,
                    SYSTEM,
                    "needs_person",
                    "Triage matched no scenario: a person must read the notice",
                    Map.of()));
        }
        if (!c.needsPerson
                && (facts.forcedScenario() != null || suggestion.confidence() >= policy.autoTriageConfidence())) {
            double confidence = facts.forcedScenario() != null ? 1.0 : suggestion.confidence();
            c.record(new CaseEvent.Triaged(
                    now,
                    SYSTEM,
                    c.scenario,
                    c.scope,
                    confidence,
                    null,
                    false,
                    facts.forcedScenario() != null
                            ? "scenario set by " + (facts.drill() ? "the drill" : "the alert")
                            : "automatic triage"));
            c.moveTo(CaseStatus.TRIAGED, "automatic triage", now, SYSTEM);
        }
        c.touch(now);
        return c;
    }

    /**
     * The scenario a new case is planned by: the forced one, else the suggestion's; a notice that
     * matched nothing is planned as RISK_TXN (the commonest freeze) only provisionally, flagged as
     * needing a person, and never auto-triaged.
     */
    public static Scenario provisionalScenario(@Nullable Scenario forced, TriageSuggestion suggestion) {
        if (forced != null) {
            return forced;
        }
        return suggestion.scenario() == null ? Scenario.RISK_TXN : suggestion.scenario();
    }

    /** Each distinct time limit of the notice, counted from detection in the tenant's calendar and zone. */
    private void startNoticeDeadlines(NoticeFacts facts, BusinessCalendar calendar, Instant now, String actor) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NoticeFacts.TimeLimit limit : facts.timeLimits()) {
            if (limit.amount() <= 0 || !seen.add(limit.amount() + "-" + limit.unit())) {
                continue;
            }
            Instant due = switch (limit.unit()) {
                case BUSINESS_DAYS -> calendar.plusBusinessDays(detectedAt, limit.amount());
                case DAYS ->
                    detectedAt.atZone(calendar.zone()).plusDays(limit.amount()).toInstant();
                case HOURS -> detectedAt.plus(Duration.ofHours(limit.amount()));
                case MINUTES -> detectedAt.plus(Duration.ofMinutes(limit.amount()));
            };
            startClock(
                    CaseClock.start(
                            id + "/notice-deadline/" + limit.amount() + "-"
                                    + limit.unit().name().toLowerCase(java.util.Locale.ROOT),
                            ClockKind.NOTICE_DEADLINE,
                            "Deadline stated by the notice: " + limit.text(),
                            "staff_agent",
                            limit.unit() == NoticeFacts.TimeUnit.HOURS || limit.unit() == NoticeFacts.TimeUnit.MINUTES,
                            detectedAt,
                            due,
                            null),
                    now,
                    actor);
        }
    }

    // ---------------------------------------------------------------- triage

    /**
     * Triage by staff: confirms or overrides the scenario and scope. An override re-plans the
     * case from the new scenario's playbook and checklist; the override and its reason go on the timeline.
     *
     * @param plan the plan of {@code newScenario}; ignored when the scenario does not change
     */
    public void triage(
            Scenario newScenario,
            FreezeScope newScope,
            @Nullable MaterialsGrade grade,
            String reason,
            ScenarioPlan plan,
            CasePolicy policy,
            Instant now,
            String actor) {
        guardOpen();
        if (status != CaseStatus.OPEN && status != CaseStatus.TRIAGED) {
            throw new TriageClosed(status);
        }
        Scenario previous = scenario;
        needsPerson = false;
        boolean overridden = newScenario != previous || newScope != scope || grade != materialsGrade;
        scenario = newScenario;
        scope = newScope;
        materialsGrade = newScenario == Scenario.MATERIALS_DEFICIENT ? grade : null;
        restricted = newScenario.restricted();
        record(new CaseEvent.Triaged(
                now,
                actor,
                newScenario,
                newScope,
                overridden ? 1.0 : confidence(),
                newScenario != previous ? previous : null,
                overridden,
                reason));
        if (newScenario != previous) {
            applyPlan(plan, policy, now, actor);
        }
        if (status == CaseStatus.OPEN) {
            moveTo(CaseStatus.TRIAGED, reason, now, actor);
        }
        touch(now);
    }

    private double confidence() {
        return triage == null ? 0 : triage.confidence();
    }

    private void applyPlan(ScenarioPlan plan, CasePolicy policy, Instant now, String actor) {
        for (CaseTask task : tasks) {
            if (!task.done()) {
                settleClock(
                        task.clockId(),
                        CaseClock::cancelled,
                        clock -> new CaseEvent.ClockCancelled(now, actor, clock, CancelCause.replanned(scenario)));
            }
        }
        Map<String, ChecklistItem> before = new LinkedHashMap<>();
        checklist.forEach(item -> before.put(item.code(), item));
        checklist = new ArrayList<>(plan.checklist().stream()
                .map(item -> before.containsKey(item.code())
                                && before.get(item.code()).status() != ChecklistStatus.MISSING
                        ? before.get(item.code())
                        : item)
                .toList());
        playbookId = plan.playbookId();
        playbookVersion = plan.playbookVersion();
        tasks = new ArrayList<>();
        for (TaskPlan step : plan.tasks()) {
            String taskId = scenario.name().toLowerCase(java.util.Locale.ROOT) + "-" + step.order();
            String clockId = id + "/task/" + taskId;
            Instant anchor = step.fromDetection() ? detectedAt : now;
            // The named clocks' durations are the tenant's numbers, not the playbook's.
            Duration due = switch (step.clock()) {
                case TASK_DUE, FOLLOW_UP, RESOLUTION, NOTICE_DEADLINE -> step.due();
                default -> policy.durationOf(step.clock());
            };
            tasks.add(new CaseTask(
                    taskId,
                    step.order(),
                    step.title(),
                    step.titleZh(),
                    step.ownerRole(),
                    step.special(),
                    step.specialZh(),
                    clockId,
                    false,
                    null,
                    null,
                    null));
            startClock(
                    CaseClock.start(
                            clockId,
                            step.clock(),
                            step.title(),
                            step.ownerRole(),
                            step.urgent(),
                            anchor,
                            anchor.plus(due),
                            taskId),
                    now,
                    actor);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Moves the case along its lifecycle.
     *
     * @param releaseReference required to resolve a judicial freeze or compliance hold
     * @param resolution       RESTORED or PARTIALLY_RESTORED when resolving (RESTORED if not said)
     * @param requestedItems   the requirement codes a supplement request asks for
     */
    public void transition(
            CaseStatus to,
            String reason,
            @Nullable String releaseReference,
            @Nullable Outcome resolution,
            List<String> requestedItems,
            CasePolicy policy,
            BusinessCalendar calendar,
            Instant now,
            String actor) {
        guardOpen();
        if (!status.canMoveTo(to)) {
            throw new IllegalTransition(status, to);
        }
        if (to == CaseStatus.TRIAGED) {
            record(new CaseEvent.Triaged(now, actor, scenario, scope, confidence(), null, false, reason));
        }
        if (to == CaseStatus.RESOLVED) {
            if (scenario.requiresReleaseReference() && (releaseReference == null || releaseReference.isBlank())) {
                throw new ReleaseReferenceRequired(scenario);
            }
            if (resolution != null && resolution != Outcome.RESTORED && resolution != Outcome.PARTIALLY_RESTORED) {
                throw new CaseRefusal(
                        CaseRefusal.Kind.UNPROCESSABLE,
                        "invalid_resolution",
                        "A case resolves as RESTORED or PARTIALLY_RESTORED, not " + resolution + ".",
                        Map.of());
            }
        }
        if (to == CaseStatus.CLOSED && (review == null || !review.completed())) {
            throw new ReviewRequired();
        }
        CaseStatus from = status;
        moveTo(to, reason, now, actor);
        switch (to) {
            case SUBMITTED -> onSubmitted(policy, calendar, now, actor);
            case SUPPLEMENT_REQUESTED -> {
                supplementItems = new ArrayList<>(requestedItems);
                Instant ackBy = now.plus(policy.supplementAck());
                record(new CaseEvent.SupplementRequested(now, actor, List.copyOf(requestedItems), ackBy));
                startClock(
                        CaseClock.start(
                                id + "/supplement-ack/" + now.getEpochSecond(),
                                ClockKind.SUPPLEMENT_ACK_24H,
                                "Acknowledge the supplement request",
                                "staff_agent",
                                true,
                                now,
                                ackBy,
                                null),
                        now,
                        actor);
            }
            case GATHERING_EVIDENCE -> {
                if (from == CaseStatus.SUPPLEMENT_REQUESTED) {
                    meetOpen(ClockKind.SUPPLEMENT_ACK_24H, now, actor);
                }
            }
            case RESOLVED -> {
                outcome = resolution == null ? Outcome.RESTORED : resolution;
                this.releaseReference = releaseReference;
                decided(now, actor);
                stopAllClocks(CancelCause.resolved(outcome, reason), now, actor);
            }
            case REJECTED -> {
                decided(now, actor);
                stopAllClocks(CancelCause.rejected(reason), now, actor);
            }
            case ESCALATED_LEGAL -> {
                decided(now, actor);
                flagEscalation(EscalationLevel.LEGAL, reason, now, actor);
            }
            case CLOSED -> {
                if (outcome == null) {
                    outcome = from == CaseStatus.REJECTED ? Outcome.REJECTED : Outcome.ESCALATED_LEGAL;
                }
                if (from == CaseStatus.ESCALATED_LEGAL) {
                    outcome = Outcome.ESCALATED_LEGAL;
                }
                stopAllClocks(CancelCause.closed(reason), now, actor);
                closedAt = now;
                record(new CaseEvent.Closed(now, actor, outcome));
            }
            default -> {}
        }
        touch(now);
    }

    private void onSubmitted(CasePolicy policy, BusinessCalendar calendar, Instant now, String actor) {
        startClock(
                CaseClock.start(
                        id + "/resolution/" + now.getEpochSecond(),
                        ClockKind.RESOLUTION,
                        "Resolution within " + policy.resolutionBusinessDays() + " business days",
                        "staff_supervisor",
                        false,
                        now,
                        calendar.plusBusinessDays(now, policy.resolutionBusinessDays()),
                        null),
                now,
                actor);
        if (policy.partnerReviewScenarios().contains(scenario)) {
            startClock(
                    CaseClock.start(
                            id + "/partner-review/" + now.getEpochSecond(),
                            ClockKind.PARTNER_REVIEW_2H,
                            "Partner bank reviews the submitted proof",
                            PARTNER_BANK,
                            true,
                            now,
                            now.plus(policy.partnerReview()),
                            null),
                    now,
                    actor);
        }
        if (clocks.stream()
                .noneMatch(c -> c.kind() == ClockKind.FOLLOW_UP && c.state().open())) {
            // docs/domain.md §7: nothing promised → chase after 5 business days, then after 7.
            startClock(
                    CaseClock.start(
                            id + "/follow-up/" + now.getEpochSecond() + "-1",
                            ClockKind.FOLLOW_UP,
                            "First follow-up with " + platform,
                            "staff_agent",
                            false,
                            now,
                            calendar.plusBusinessDays(now, policy.firstFollowUpBusinessDays()),
                            null),
                    now,
                    actor);
            startClock(
                    CaseClock.start(
                            id + "/follow-up/" + now.getEpochSecond() + "-2",
                            ClockKind.FOLLOW_UP,
                            "Second follow-up with " + platform,
                            "staff_agent",
                            false,
                            now,
                            calendar.plusBusinessDays(now, policy.nextFollowUpBusinessDays()),
                            null),
                    now,
                    actor);
        }
    }

    /** A decision came: the review and resolution clocks are met, chasing stops. */
    private void decided(Instant now, String actor) {
        meetOpen(ClockKind.PARTNER_REVIEW_2H, now, actor);
        meetOpen(ClockKind.RESOLUTION, now, actor);
        cancelOpen(clock -> clock.kind() == ClockKind.FOLLOW_UP, CancelCause.DECIDED, now, actor);
    }

    /** Every clock still running or paused is cancelled, with the reason on the timeline and in its event. */
    private void stopAllClocks(String reason, Instant now, String actor) {
        cancelOpen(clock -> true, reason, now, actor);
    }

    /** Every clock still running or paused that {@code which} picks is cancelled, {@code reason} on its event. */
    private void cancelOpen(Predicate<CaseClock> which, String reason, Instant now, String actor) {
        for (CaseClock clock : List.copyOf(clocks)) {
            if (which.test(clock) && clock.state().open()) {
                settleClock(clock.id(), CaseClock::cancelled, c -> new CaseEvent.ClockCancelled(now, actor, c, reason));
            }
        }
    }

    private void moveTo(CaseStatus to, String reason, Instant now, String actor) {
        CaseStatus from = status;
        status = to;
        record(new CaseEvent.StatusChanged(now, actor, from, to, reason));
    }

    // ---------------------------------------------------------------- clocks

    /**
     * A clock's timer fired. Breaches the clock if it is still running and due; otherwise (met,
     * paused, moved later, fired twice) nothing happens.
     *
     * @return whether anything changed
     */
    public boolean clockDue(String clockId, Instant now) {
        Optional<CaseClock> found = clock(clockId);
        if (found.isEmpty()
                || found.get().state() != ClockState.RUNNING
                || found.get().dueAt().isAfter(now)) {
            return false;
        }
        CaseClock clock = found.get();
        settleClock(clockId, c -> c.breached(now), c -> new CaseEvent.ClockBreached(now, SYSTEM, c));
        if (clock.taskId() != null) {
            task(clock.taskId()).ifPresent(task -> record(new CaseEvent.TaskDue(now, SYSTEM, task, clock.dueAt())));
        }
        if (clock.kind() == ClockKind.RESOLUTION) {
            // docs/domain.md §7: past the limit to a supervisor; still unresolved after as long again, to legal.
            if (escalation == null) {
                flagEscalation(
                        EscalationLevel.SUPERVISOR,
                        "no resolution within the tenant's limit after submission",
                        now,
                        SYSTEM);
                startClock(
                        CaseClock.start(
                                id + "/resolution-legal/" + now.getEpochSecond(),
                                ClockKind.RESOLUTION,
                                "Resolution before escalation to legal",
                                "staff_supervisor",
                                false,
                                now,
                                now.plus(Duration.between(clock.startedAt(), clock.dueAt())),
                                null),
                        now,
                        SYSTEM);
            } else if (escalation.level() == EscalationLevel.SUPERVISOR) {
                flagEscalation(
                        EscalationLevel.LEGAL, "still no resolution after the supervisor's escalation", now, SYSTEM);
            }
        }
        touch(now);
        return true;
    }

    /**
     * The case's deadline timer fired at {@code now}: every running clock due by then is breached.
     *
     * @return whether anything changed
     */
    public boolean deadlinesPassed(Instant now) {
        boolean changed = false;
        for (CaseClock clock :
                clocks(c -> c.state() == ClockState.RUNNING && !c.dueAt().isAfter(now))) {
            changed |= clockDue(clock.id(), now);
        }
        return changed;
    }

    /**
     * The client heard from us for the first time: the golden 15 minutes are met (late, if
     * already breached). Repeated deliveries change nothing.
     */
    public boolean clientNotified(Instant deliveredAt, Instant now) {
        Optional<CaseClock> golden = clocks.stream()
                .filter(c -> c.kind() == ClockKind.GOLDEN_15 && c.metAt() == null && c.state() != ClockState.CANCELLED)
                .findFirst();
        if (golden.isEmpty()) {
            return false;
        }
        settleClock(golden.get().id(), c -> c.met(deliveredAt), c -> new CaseEvent.ClockMet(now, SYSTEM, c));
        touch(now);
        return true;
    }

    /** Staff mark a deadline met that no task or transition settles (e.g. a follow-up done by phone). */
    public void meetClock(String clockId, Instant now, String actor) {
        guardOpen();
        CaseClock clock = clock(clockId).orElseThrow(() -> new UnknownCaseItem("clock", clockId));
        if (clock.metAt() != null || clock.state() == ClockState.CANCELLED) {
            return;
        }
        settleClock(clockId, c -> c.met(now), c -> new CaseEvent.ClockMet(now, actor, c));
        touch(now);
    }

    /**
     * The case now waits on {@code party} (or on no one, when null). Waiting on a party that the
     * tenant's policy names pauses the pausable clocks; waiting on anyone else resumes them.
     */
    public void waitOn(@Nullable Party party, CasePolicy policy, Instant now, String actor) {
        guardOpen();
        Party current = waitingOn();
        if (current == party) {
            return;
        }
        if (current != null) {
            WaitingPeriod open = waiting.removeLast();
            waiting.add(new WaitingPeriod(open.party(), open.from(), now));
        }
        if (party != null) {
            waiting.add(new WaitingPeriod(party, now, null));
        }
        record(new CaseEvent.Noted(
                now,
                actor,
                "waiting_changed",
                party == null ? "No longer waiting on anyone" : "Waiting on " + party,
                party == null ? Map.of() : Map.of("waitingOn", party.name())));
        boolean pause = party != null && policy.pauseWhileWaitingOn().contains(party);
        for (CaseClock clock : List.copyOf(clocks)) {
            if (!policy.pausableClocks().contains(clock.kind())) {
                continue;
            }
            if (pause && clock.state() == ClockState.RUNNING) {
                settleClock(clock.id(), c -> c.paused(now), c -> new CaseEvent.ClockPaused(now, actor, c, party));
            } else if (!pause && clock.state() == ClockState.PAUSED) {
                settleClock(clock.id(), c -> c.resumed(now), c -> new CaseEvent.ClockSet(now, actor, c));
            }
        }
        touch(now);
    }

    public @Nullable Party waitingOn() {
        return waiting.isEmpty() || waiting.getLast().until() != null
                ? null
                : waiting.getLast().party();
    }

    /** How long each party has held the case so far (docs/domain.md §8's delay report). */
    public Map<Party, Duration> delayByParty(Instant now) {
        Map<Party, Duration> held = new EnumMap<>(Party.class);
        for (WaitingPeriod period : waiting) {
            Instant until = period.until() == null ? now : period.until();
            held.merge(period.party(), Duration.between(period.from(), until), Duration::plus);
        }
        return held;
    }

    private void startClock(CaseClock clock, Instant now, String actor) {
        clocks.removeIf(existing -> existing.id().equals(clock.id()));
        clocks.add(clock);
        record(new CaseEvent.ClockSet(now, actor, clock));
    }

    private void meetOpen(ClockKind kind, Instant now, String actor) {
        for (CaseClock clock : List.copyOf(clocks)) {
            if (clock.kind() == kind && clock.state().open()) {
                settleClock(clock.id(), c -> c.met(now), c -> new CaseEvent.ClockMet(now, actor, c));
            }
        }
    }

    private void settleClock(
            String clockId, UnaryOperator<CaseClock> change, java.util.function.Function<CaseClock, CaseEvent> event) {
        for (int i = 0; i < clocks.size(); i++) {
            if (clocks.get(i).id().equals(clockId)) {
                CaseClock next = change.apply(clocks.get(i));
                clocks.set(i, next);
                record(event.apply(next));
                return;
            }
        }
    }

    private void flagEscalation(EscalationLevel level, String reason, Instant now, String actor) {
        escalation = new Escalation(level, reason, now);
        record(new CaseEvent.EscalationFlagged(now, actor, level, reason));
    }

    // ---------------------------------------------------------------- tasks, checklist, contacts

    /** The executor finished a playbook step; its deadline is met. {@code note} records a deviation. */
    public void completeTask(String taskId, @Nullable String note, Instant now, String actor) {
        guardOpen();
        CaseTask task = task(taskId).orElseThrow(() -> new UnknownCaseItem("task", taskId));
        if (task.done()) {
            return;
        }
        tasks.replaceAll(t -> t.id().equals(taskId) ? t.completed(now, actor, note) : t);
        record(new CaseEvent.Noted(
                now,
                actor,
                "task_completed",
                "Done: " + task.title(),
                note == null ? Map.of("taskId", taskId) : Map.of("taskId", taskId, "note", note)));
        clock(task.clockId())
                .filter(c -> c.metAt() == null && c.state() != ClockState.CANCELLED)
                .ifPresent(c -> settleClock(c.id(), x -> x.met(now), x -> new CaseEvent.ClockMet(now, actor, x)));
        if (PARTNER_BANK.equals(task.ownerRole())) {
            // The partner bank's review step done is its review done: the 2 h partner-review clock is met.
            meetOpen(ClockKind.PARTNER_REVIEW_2H, now, actor);
        }
        touch(now);
    }

    /** evidence-service reported on an evidence item for one requirement (received, verified or rejected). */
    public boolean evidenceReported(
            String requirementCode,
            String evidenceId,
            ChecklistStatus status,
            @Nullable String rejection,
            Instant now,
            String actor) {
        if (status.equals(ChecklistStatus.MISSING)) {
            throw new IllegalArgumentException("Evidence is never reported missing");
        }
        if (checklist.stream().noneMatch(item -> item.code().equals(requirementCode))) {
            checklist.add(
                    ChecklistItem.missing(requirementCode, "ADDITIONAL", "清单外补充材料", "Submitted beyond the checklist"));
        }
        boolean[] changed = {false};
        checklist.replaceAll(item -> {
            if (!item.code().equals(requirementCode)) {
                return item;
            }
            ChecklistItem next = item.withEvidence(evidenceId, status, rejection, now);
            changed[0] = next != item;
            return next;
        });
        if (changed[0]) {
            checklistUpdated(requirementCode, evidenceId, status, rejection, now, actor);
            touch(now);
        }
        return changed[0];
    }

    /** Staff set a requirement's status by hand (until evidence-service reports it). */
    public void setChecklistStatus(
            String requirementCode, ChecklistStatus status, @Nullable String rejection, Instant now, String actor) {
        guardOpen();
        if (checklist.stream().noneMatch(item -> item.code().equals(requirementCode))) {
            throw new UnknownCaseItem("checklist item", requirementCode);
        }
        if (status == ChecklistStatus.REJECTED && (rejection == null || rejection.isBlank())) {
            throw new CaseRefusal(
                    CaseRefusal.Kind.UNPROCESSABLE,
                    "rejection_reason_required",
                    "A rejected requirement needs the reason it was rejected.",
                    Map.of("item", requirementCode));
        }
        checklist.replaceAll(
                item -> item.code().equals(requirementCode) ? item.withStatus(status, rejection, now) : item);
        checklistUpdated(requirementCode, null, status, rejection, now, actor);
        touch(now);
    }

    /** A requirement's status changed: the timeline says which, to what, on which evidence and why. */
    private void checklistUpdated(
            String requirementCode,
            @Nullable String evidenceId,
            ChecklistStatus status,
            @Nullable String rejection,
            Instant now,
            String actor) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("code", requirementCode);
        if (evidenceId != null) {
            details.put("evidenceId", evidenceId);
        }
        details.put("status", status.name());
        if (rejection != null) {
            details.put("reason", rejection);
        }
        record(new CaseEvent.Noted(now, actor, "checklist_updated", requirementCode + " " + status, details));
    }

    /**
     * Logs a contact with the platform and plans the next chase (docs/domain.md §7): at the promised reply
     * time, else on day ⌈0.7·N⌉ of a stated N-business-day cycle. A new plan supersedes the running
     * follow-ups; a follow-up already overdue is met by this contact.
     */
    public void logContact(ContactEntry entry, BusinessCalendar calendar, Instant now, String actor) {
        guardOpen();
        contacts.add(entry);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("channel", entry.channel().name());
        if (entry.ticketNumber() != null) {
            details.put("ticketNumber", entry.ticketNumber());
        }
        record(new CaseEvent.Noted(now, actor, "contact_logged", entry.channel() + ": " + entry.summary(), details));
        for (CaseClock clock : List.copyOf(clocks)) {
            // A contact made after the follow-up was planned meets it (late); one from before it was planned does not.
            if (clock.kind() == ClockKind.FOLLOW_UP
                    && clock.state() == ClockState.BREACHED
                    && clock.metAt() == null
                    && !entry.at().isBefore(clock.startedAt())) {
                settleClock(clock.id(), c -> c.met(entry.at()), c -> new CaseEvent.ClockMet(now, actor, c));
            }
        }
        Instant followUpAt = followUpFor(entry, calendar);
        // A contact logged after the fact (older than a later contact or than the live chase) is history: it
        // neither supersedes the live follow-up nor plans one whose time has already passed.
        boolean superseded =
                contacts.stream().anyMatch(other -> other != entry && other.at().isAfter(entry.at()))
                        || clocks.stream()
                                .anyMatch(c -> c.kind() == ClockKind.FOLLOW_UP
                                        && c.state().open()
                                        && entry.at().isBefore(c.startedAt()));
        if (followUpAt != null && (superseded || !followUpAt.isAfter(now))) {
            record(new CaseEvent.Noted(
                    now,
                    actor,
                    "follow_up_not_planned",
                    superseded
                            ? "Contact logged after the fact: the live follow-up stands"
                            : "The follow-up this contact implies (" + followUpAt
                                    + ") has already passed: the live follow-up stands",
                    Map.of("contactAt", entry.at().toString(), "followUpAt", followUpAt.toString())));
            followUpAt = null;
        }
        if (followUpAt != null) {
            cancelOpen(clock -> clock.kind() == ClockKind.FOLLOW_UP, CancelCause.RECHASED, now, actor);
            startClock(
                    CaseClock.start(
                            id + "/follow-up/" + entry.id(),
                            ClockKind.FOLLOW_UP,
                            "Follow up with " + platform
                                    + (entry.ticketNumber() == null ? "" : " on ticket " + entry.ticketNumber()),
                            "staff_agent",
                            false,
                            now,
                            followUpAt,
                            null),
                    now,
                    actor);
        }
        touch(now);
    }

    /** When to chase after this contact, or null when it promised nothing. */
    public static @Nullable Instant followUpFor(ContactEntry entry, BusinessCalendar calendar) {
        if (entry.promisedReplyAt() != null) {
            return entry.promisedReplyAt();
        }
        if (entry.statedCycleDays() != null) {
            return calendar.plusBusinessDays(entry.at(), FollowUpRules.laterHalfOfCycle(entry.statedCycleDays()));
        }
        return null;
    }

    public void assign(@Nullable String assignee, Instant now, String actor) {
        guardOpen();
        boolean changed = !java.util.Objects.equals(this.assignee, assignee);
        this.assignee = assignee;
        record(new CaseEvent.Noted(
                now,
                actor,
                "assigned",
                assignee == null ? "Unassigned" : "Assigned to " + assignee,
                assignee == null ? Map.of() : Map.of("assignee", assignee)));
        if (changed) {
            // The running clocks' reminders follow the case to its new owner: each is set again
            // (same clock id) with the assignee as its owner (ownerUserId in thaw.case.clock_set).
            clocks.stream()
                    .filter(clock -> clock.state() == ClockState.RUNNING)
                    .forEach(clock -> record(new CaseEvent.ClockSet(now, actor, clock)));
        }
        touch(now);
    }

    // ---------------------------------------------------------------- review

    /** Writes (or rewrites) the review; a completed review is final. */
    public void writeReview(Review draft, Instant now, String actor) {
        guardOpen();
        if (review != null && review.completed()) {
            throw new CaseRefusal(
                    CaseRefusal.Kind.CONFLICT,
                    "review_already_completed",
                    "The review is completed and final.",
                    Map.of());
        }
        review = draft.asDraft();
        record(new CaseEvent.Noted(now, actor, "review_written", "Review drafted", Map.of()));
        touch(now);
    }

    /** Completes the review: the "why" chain reaches the tenant's depth and a root cause is named. */
    public void completeReview(CasePolicy policy, Instant now, String actor) {
        guardOpen();
        if (review == null) {
            throw new ReviewIncomplete("There is no review to complete; write one first.");
        }
        if (review.completed()) {
            return;
        }
        long whys = review.whys().stream().filter(why -> !why.isBlank()).count();
        if (whys < policy.whyDepth()) {
            throw new ReviewIncomplete(
                    "The review asks \"why\" " + whys + " times; the tenant requires " + policy.whyDepth() + ".");
        }
        if (review.rootCause().isBlank()) {
            throw new ReviewIncomplete("The review names no root cause.");
        }
        review = review.completedBy(now, actor);
        libraryText = String.join(
                        "\n",
                        review.summary(),
                        String.join("\n", review.whys()),
                        review.rootCause(),
                        review.penalty() == null ? "" : review.penalty(),
                        review.fix(),
                        platform,
                        scenario.name(),
                        notice.text())
                .toLowerCase(java.util.Locale.ROOT);
        record(new CaseEvent.Noted(now, actor, "review_completed", "Review completed", Map.of()));
        touch(now);
    }

    /** An action item of the review is done; allowed after closing too, since action items outlive the case. */
    public void completeActionItem(String itemId, Instant now, String actor) {
        if (review == null
                || review.actionItems().stream().noneMatch(item -> item.id().equals(itemId))) {
            throw new UnknownCaseItem("action item", itemId);
        }
        List<Review.ActionItem> items = review.actionItems().stream()
                .map(item -> item.id().equals(itemId) && !item.done()
                        ? new Review.ActionItem(item.id(), item.title(), item.owner(), item.dueDate(), true, now)
                        : item)
                .toList();
        review = review.withActionItems(items);
        record(new CaseEvent.Noted(now, actor, "action_item_done", "Action item done", Map.of("actionItemId", itemId)));
        touch(now);
    }

    // ---------------------------------------------------------------- bookkeeping

    private void guardOpen() {
        if (status == CaseStatus.CLOSED) {
            throw new CaseAlreadyClosed();
        }
    }

    private void record(CaseEvent event) {
        recorded.add(event);
        timeline.add(TimelineLines.of(event));
    }

    private void touch(Instant now) {
        updatedAt = now;
        nextClockDueAt = clocks.stream()
                .filter(c -> c.state() == ClockState.RUNNING)
                .map(CaseClock::dueAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
        unmetBreach = clocks.stream().anyMatch(c -> c.state() == ClockState.BREACHED && c.metAt() == null);
    }

    /** The store wrote this state as {@code storedVersion}. */
    public void stored(long storedVersion) {
        this.version = storedVersion;
    }

    /** The events recorded since the case was loaded or opened; the store takes them with the write. */
    public List<CaseEvent> pullEvents() {
        List<CaseEvent> events = List.copyOf(recorded);
        recorded = new ArrayList<>();
        return events;
    }

    public Optional<CaseClock> clock(String clockId) {
        return clocks.stream().filter(c -> c.id().equals(clockId)).findFirst();
    }

    public Optional<CaseTask> task(String taskId) {
        return tasks.stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    /** Clocks matching {@code filter}. */
    public List<CaseClock> clocks(Predicate<CaseClock> filter) {
        return clocks.stream().filter(filter).toList();
    }

    public String id() {
        return id;
    }

    public CaseId caseId() {
        return new CaseId(id);
    }

    public String tenantId() {
        return tenantId;
    }

    public String reference() {
        return reference;
    }

    public long version() {
        return version;
    }

    public boolean drill() {
        return drill;
    }

    public Scenario scenario() {
        return scenario;
    }

    public @Nullable MaterialsGrade materialsGrade() {
        return materialsGrade;
    }

    public FreezeScope scope() {
        return scope;
    }

    public boolean restricted() {
        return restricted;
    }

    public CaseStatus status() {
        return status;
    }

    public @Nullable Outcome outcome() {
        return outcome;
    }

    public Holder holder() {
        return holder;
    }

    public String platform() {
        return platform;
    }

    public Notice notice() {
        return notice;
    }

    public @Nullable Money frozenAmount() {
        return frozenAmount;
    }

    public Instant detectedAt() {
        return detectedAt;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String openedBy() {
        return openedBy;
    }

    public @Nullable String assignee() {
        return assignee;
    }

    public @Nullable String sourceAlertId() {
        return sourceAlertId;
    }

    public @Nullable String releaseReference() {
        return releaseReference;
    }

    public @Nullable TriageSuggestion triageSuggestion() {
        return triage;
    }

    public boolean needsPerson() {
        return needsPerson;
    }

    public @Nullable String playbookId() {
        return playbookId;
    }

    public int playbookVersion() {
        return playbookVersion;
    }

    public List<ChecklistItem> checklist() {
        return List.copyOf(checklist);
    }

    public Readiness readiness() {
        return Readiness.of(checklist);
    }

    public List<CaseTask> tasks() {
        return List.copyOf(tasks);
    }

    public List<CaseClock> clocks() {
        return List.copyOf(clocks);
    }

    public List<ContactEntry> contacts() {
        return List.copyOf(contacts);
    }

    public List<WaitingPeriod> waiting() {
        return List.copyOf(waiting);
    }

    public List<String> supplementItems() {
        return List.copyOf(supplementItems);
    }

    public @Nullable Escalation escalation() {
        return escalation;
    }

    public @Nullable Review review() {
        return review;
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    public @Nullable Instant nextClockDueAt() {
        return nextClockDueAt;
    }

    public boolean unmetBreach() {
        return unmetBreach;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncidentCase that && id.equals(that.id) && version == that.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    static Instant second(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS);
    }
}
