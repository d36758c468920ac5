package app.thaw.cases.incident;

import java.util.List;

/** What a scenario brings to a case: the playbook version it follows, its tasks, its evidence checklist. */
public record ScenarioPlan(
        String playbookId, int playbookVersion, List<TaskPlan> tasks, List<ChecklistItem> checklist) {

    public ScenarioPlan {
        tasks = List.copyOf(tasks);
        checklist = List.copyOf(checklist);
    }
}
