package app.thaw.cases.incident;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Whether a case is ready to submit, from its scenario's checklist as evidence-service's verdicts
 * left it (the checklist is kept by the {@code thaw.evidence.*} events, so no call is needed):
 * {@code READY} when every requirement is accepted; {@code REJECTED} when one stands rejected;
 * otherwise {@code MISSING} (something not yet sent, or sent and not yet verified).
 *
 * @param accepted the requirement codes accepted
 * @param rejected the requirements rejected, with why
 * @param missing  the requirement codes with nothing sent yet
 * @param pending  the requirement codes received and awaiting a verdict
 */
public record Readiness(
        State state, List<String> accepted, List<Rejected> rejected, List<String> missing, List<String> pending) {

    public enum State {
        READY,
        MISSING,
        REJECTED
    }

    public record Rejected(String code, @Nullable String reason) {}

    public static Readiness of(List<ChecklistItem> checklist) {
        List<String> accepted = codes(checklist, ChecklistStatus.ACCEPTED);
        List<String> missing = codes(checklist, ChecklistStatus.MISSING);
        List<String> pending = codes(checklist, ChecklistStatus.RECEIVED);
        List<Rejected> rejected = checklist.stream()
                .filter(item -> item.status() == ChecklistStatus.REJECTED)
                .map(item -> new Rejected(item.code(), item.rejectionReason()))
                .toList();
        State state = !rejected.isEmpty()
                ? State.REJECTED
                : missing.isEmpty() && pending.isEmpty() ? State.READY : State.MISSING;
        return new Readiness(state, accepted, rejected, missing, pending);
    }

    private static List<String> codes(List<ChecklistItem> checklist, ChecklistStatus status) {
        return checklist.stream()
                .filter(item -> item.status() == status)
                .map(ChecklistItem::code)
                .toList();
    }
}
