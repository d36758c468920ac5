package app.thaw.cases.incident;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What triage read from a notice: the scenario and scope it suggests, the phrases that led there,
 * how sure it is (0–1), and the facts the notice states.
 *
 * @param scenario null when no phrase of any scenario matched: the notice needs a person, and no
 *                 scenario is guessed
 */
public record TriageSuggestion(
        @Nullable Scenario scenario,
        FreezeScope scope,
        double confidence,
        List<MatchedPhrase> matched,
        @Nullable MaterialsGrade materialsGrade,
        NoticeFacts facts) {

    public TriageSuggestion {
        matched = List.copyOf(matched);
    }

    /** No scenario matched: a person must read the notice. */
    public boolean needsPerson() {
        return scenario == null;
    }

    /** A phrase of the rules found in the notice, and the scenario (or scope) it points to. */
    public record MatchedPhrase(String phrase, String pointsTo, double weight) {}
}
