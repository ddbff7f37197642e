package credit.platform.scoring.score.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port to the time-driven schedule: for each subject and model it has scored, the next instant its
 * score may change with no new fact. One entry per subject and model; every write is a single-entry
 * conditional update. A claim (compare-and-set on the due instant, with a lease) lets one replica
 * at a time recompute a due entry.
 */
public interface ScoreSchedule {

    /**
     * A subject's entry under a model.
     *
     * @param at {@code null} when the subject was planned and nothing changes with time alone
     */
    record Due(String subjectId, String modelId, Instant at, String what) {
    }

    /** Sets the next change ({@code null} = none) unless another holds the entry claimed. */
    void plan(String subjectId, String modelId, NextChange next, Instant now);

    /** The entry, also when it plans nothing ({@code at == null}); empty when the subject was never planned. */
    Optional<Due> find(String subjectId, String modelId);

    /**
     * A version of the model taking effect at {@code at} was published: every unclaimed entry of the
     * model planned later than that, or planning nothing, is brought forward to it (one atomic
     * update per entry; idempotent). A claimed entry plans the new version itself when released.
     */
    void bringForward(String modelId, Instant at, String what, Instant now);

    /** Unclaimed entries due at or before {@code now}, oldest first, at most {@code limit}. */
    List<Due> dueBy(Instant now, int limit);

    /**
     * Claims the entry if it still says {@code due.at()} and nobody holds a live claim.
     *
     * @return the claim's token, empty when someone else has it or it has moved on
     */
    Optional<String> claim(Due due, Instant now, Duration lease);

    /** Sets the next change and ends the claim, if the token still holds it. */
    void release(Due due, String token, NextChange next);

    /** No schedule: nothing is ever due (time-driven changes wait for the next event). */
    ScoreSchedule NONE = new ScoreSchedule() {
        @Override
        public void plan(String subjectId, String modelId, NextChange next, Instant now) {
        }

        @Override
        public Optional<Due> find(String subjectId, String modelId) {
            return Optional.empty();
        }

        @Override
        public List<Due> dueBy(Instant now, int limit) {
            return List.of();
        }

        @Override
        public void bringForward(String modelId, Instant at, String what, Instant now) {
        }

        @Override
        public Optional<String> claim(Due due, Instant now, Duration lease) {
            return Optional.empty();
        }

        @Override
        public void release(Due due, String token, NextChange next) {
        }
    };
}
