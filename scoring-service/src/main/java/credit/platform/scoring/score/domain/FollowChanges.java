package credit.platform.scoring.score.domain;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * Use case: keep scores current from the lists service's change feed (and the registry's). On a snapshot every listed
 * subject (and those linked to it) is recomputed; on each change the record's subject and those
 * linked to it. The feed's sequence is saved only after the recompute succeeded, so a restart
 * resumes from the last change fully processed (a change may be processed twice; recomputing is
 * idempotent: an unchanged score is not stored again).
 */
public class FollowChanges {

    public static final String FEED = "lists";
    public static final String REGISTRY_FEED = "registry";

    private final ScoreSubject scores;
    private final FeedCheckpoints checkpoints;

    public FollowChanges(ScoreSubject scores, FeedCheckpoints checkpoints) {
        this.scores = scores;
        this.checkpoints = checkpoints;
    }

    /** The sequence to watch from, or empty when a snapshot is needed first. */
    public OptionalLong resumeFrom() {
        return checkpoints.load(FEED);
    }

    public OptionalLong registryResumeFrom() {
        return checkpoints.load(REGISTRY_FEED);
    }

    /** A subject's registry entry changed (e.g. a relationship): it and those linked to it are recomputed. */
    public void onSubjectChange(long sequence, String subjectId) {
        scores.onRecordsChanged(java.util.List.of(subjectId), "registry change " + sequence);
        checkpoints.save(REGISTRY_FEED, sequence);
    }

    /** As {@link #onSubjectChange(long, String)}, naming what changed (e.g. {@code permit:<id>}) in the cause. */
    public void onSubjectChange(long sequence, String subjectId, String what) {
        scores.onRecordsChanged(java.util.List.of(subjectId), "registry change " + sequence + ": " + what);
        checkpoints.save(REGISTRY_FEED, sequence);
    }

    /**
     * The registry's log no longer reaches the saved position: continue after {@code position}. (Scores
     * reached by relationship changes in between are brought up to date by their next recompute.)
     */
    public void onRegistryGap(long position) {
        checkpoints.save(REGISTRY_FEED, position);
    }

    public void onSnapshot(Collection<String> listedSubjects, long atSequence) {
        for (String subjectId : listedSubjects) {
            if (subjectId == null || subjectId.isBlank()) {
                continue;
            }
            scores.onRecordsChanged(java.util.List.of(subjectId), "lists snapshot at sequence " + atSequence);
        }
        checkpoints.save(FEED, atSequence);
    }

    /** @param changeType e.g. CREATED, REMOVED; any change means "this subject's records changed" */
    public void onChange(long sequence, String changeType, String recordId, String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            // A record about nobody the registry knows scores nobody; move past it.
            checkpoints.save(FEED, sequence);
            return;
        }
        scores.onRecordsChanged(java.util.List.of(subjectId),
                "lists change " + sequence + ": " + changeType + " of list-record:" + recordId);
        checkpoints.save(FEED, sequence);
    }
}
