package app.thaw.cases.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.thaw.cases.incident.FreezeScope;
import app.thaw.cases.incident.MaterialsGrade;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.incident.TriageSuggestion;
import app.thaw.cases.incident.TriageSuggestion.MatchedPhrase;

/**
 * Suggests a scenario and a scope for a notice, with the phrases that matched and a confidence,
 * and extracts the facts it states. Pure computation: safe on any thread.
 */
public final class TriageEngine {

    private final TriageRules rules;
    private final NoticeExtractor extractor = new NoticeExtractor();

    public TriageEngine(TriageRules rules) {
        this.rules = rules;
    }

    public TriageSuggestion suggest(String noticeText) {
        String text = noticeText.toLowerCase(Locale.ROOT);
        List<MatchedPhrase> matched = new ArrayList<>();
        Map<String, Double> scores = score(rules.scenarios(), text, matched);
        // Ties go to the scenario listed first (DOMAIN's order), so the same notice always reads the same way
        // (the rules' maps have no stable iteration order).
        List<Map.Entry<String, Double>> ranked = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(e -> Scenario.valueOf(e.getKey()).ordinal()))
                .toList();
        double top = ranked.isEmpty() ? 0 : ranked.get(0).getValue();
        double second = ranked.size() < 2 ? 0 : ranked.get(1).getValue();
        // Nothing matched: no scenario is guessed; the notice needs a person.
        Scenario scenario = top == 0 ? null : Scenario.valueOf(ranked.get(0).getKey());
        double confidence = top == 0 ? 0 : (top / (top + second)) * Math.min(1.0, top / rules.saturation());
        List<MatchedPhrase> scopeMatches = new ArrayList<>();
        Map<String, Double> scopeScores = score(rules.scopes(), text, scopeMatches);
        FreezeScope scope = scenario == null ? FreezeScope.UNKNOWN : scenario.defaultScope();
        if (scope != FreezeScope.NOT_APPLICABLE) {
            scope = scopeScores.entrySet().stream()
                    .filter(e -> e.getValue() >= rules.minimumScopeWeight())
                    .max(Map.Entry.<String, Double>comparingByValue()
                            .thenComparing(e -> -FreezeScope.valueOf(e.getKey()).ordinal()))
                    .map(e -> FreezeScope.valueOf(e.getKey()))
                    .orElse(scope);
        }
        MaterialsGrade grade = null;
        if (scenario == Scenario.MATERIALS_DEFICIENT) {
            Map<String, Double> gradeScores = score(rules.grades(), text, matched);
            // A contradiction outweighs an omission: the safest handling (staff only) wins a tie.
            grade = gradeScores.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
                            .thenComparing(
                                    e -> MaterialsGrade.valueOf(e.getKey()).ordinal()))
                    .map(e -> MaterialsGrade.valueOf(e.getKey()))
                    .orElse(MaterialsGrade.MINOR_OMISSION);
        }
        matched.addAll(scopeMatches);
        return new TriageSuggestion(
                scenario, scope, Math.round(confidence * 100) / 100.0, matched, grade, extractor.extract(noticeText));
    }

    private static Map<String, Double> score(
            Map<String, List<TriageRules.Phrase>> groups, String text, List<MatchedPhrase> matched) {
        Map<String, Double> scores = new LinkedHashMap<>();
        groups.forEach((code, phrases) -> {
            for (TriageRules.Phrase phrase : phrases) {
                if (phrase.foundIn(text)) {
                    scores.merge(code, phrase.weight(), Double::sum);
                    matched.add(new MatchedPhrase(phrase.text(), code, phrase.weight()));
                }
            }
        });
        return scores;
    }
}
