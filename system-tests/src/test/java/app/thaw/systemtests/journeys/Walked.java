package app.thaw.systemtests.journeys;

import org.jspecify.annotations.Nullable;

/**
 * What a journey made, for counting afterwards that no effect of it was lost or doubled.
 *
 * @param reader     a user who may read the case and its timeline
 * @param caseId     the journey's case
 * @param subjectId  the monitored subject whose alert opened the case, where one did
 * @param followUpId the follow-up clock whose reminders the journey awaited, where it did
 */
record Walked(
        String reader,
        String caseId,
        @Nullable String subjectId,
        @Nullable String followUpId) {}
