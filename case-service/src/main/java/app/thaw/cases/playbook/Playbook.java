package app.thaw.cases.playbook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.cases.incident.ChecklistItem;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.incident.ScenarioPlan;
import app.thaw.cases.incident.TaskPlan;
import org.jspecify.annotations.Nullable;

/**
 * One version of a scenario's playbook: Thaw's default ({@code owner} "default") or a tenant's
 * own copy. Versions are immutable; editing makes the next version, and a case keeps the version it
 * started with.
 *
 * @param scripts communication scripts by name ({@code opening}, {@code recap}…), each by language ({@code zh}, {@code en})
 */
public record Playbook(
        String id,
        String owner,
        Scenario scenario,
        int version,
        List<Step> steps,
        Map<String, Map<String, String>> scripts,
        @Nullable Instant createdAt,
        @Nullable String createdBy) {

    public static final String DEFAULT_OWNER = "default";

    public Playbook {
        steps = List.copyOf(steps);
        scripts = Map.copyOf(scripts);
    }

    public static String idOf(String owner, Scenario scenario, int version) {
        return owner + ":" + scenario + ":" + version;
    }

    /**
     * One step.
     *
     * @param title   by language
     * @param clock   the named clock its deadline runs on (TASK_DUE unless it is one of the takeover clocks)
     * @param dueMinutes the deadline, after the opening (or the detection when {@code fromDetection})
     * @param special the "special situations" guidance, by language
     */
    public record Step(
            int order,
            Map<String, String> title,
            String ownerRole,
            String clock,
            int dueMinutes,
            boolean fromDetection,
            boolean urgent,
            Map<String, String> special) {

        public Step {
            title = Map.copyOf(title);
            special = Map.copyOf(special);
        }
    }

    /** The plan a case instantiates from this version, with its checklist. */
    public ScenarioPlan plan(List<ChecklistItem> checklist) {
        List<TaskPlan> tasks = steps.stream()
                .map(step -> new TaskPlan(
                        step.order(),
                        step.title().getOrDefault("en", ""),
                        step.title().getOrDefault("zh", ""),
                        step.ownerRole(),
                        step.special().getOrDefault("en", ""),
                        step.special().getOrDefault("zh", ""),
                        app.thaw.cases.incident.ClockKind.valueOf(step.clock()),
                        Duration.ofMinutes(step.dueMinutes()),
                        step.fromDetection(),
                        step.urgent()))
                .toList();
        return new ScenarioPlan(id, version, tasks, checklist);
    }
}
