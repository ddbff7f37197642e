package credit.platform.scoring.score.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Use case: store the score changes that come with time alone (a permit lapses, a record's points
 * decay by a point, a record ends, a model version takes effect). Every entry of the schedule due
 * by now is recomputed as of its own instant, oldest first, in bounded batches (see
 * {@link ScoreSubject#advance}); an entry whose next change is also due already is taken again in
 * the same run, so a service that was down catches up step by step, each stamped with its instant.
 */
public class TimeDrivenRecompute {

    private final ScoreSubject scores;
    private final ScoreSchedule schedule;
    private final Clock clock;

    public TimeDrivenRecompute(ScoreSubject scores, ScoreSchedule schedule, Clock clock) {
        this.scores = scores;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Recomputes at most {@code limit} due entries.
     *
     * @return how many entries were recomputed (by this run; those another run holds are skipped)
     * @throws SourceUnavailableException when a source is down; the entry stays due for the next run
     */
    public int runDue(int limit) {
        Instant now = clock.instant();
        int done = 0;
        while (done < limit) {
            List<ScoreSchedule.Due> due = schedule.dueBy(now, limit - done);
            if (due.isEmpty()) {
                break;
            }
            int advanced = 0;
            for (ScoreSchedule.Due d : due) {
                if (scores.advance(d, now)) {
                    advanced++;
                }
            }
            if (advanced == 0) {
                break;
            }
            done += advanced;
        }
        return done;
    }

    /**
     * A version was published: subjects already planned under its model are due no later than the
     * instant it takes effect (a version without {@code effectiveFrom} is the first one: nothing
     * to bring forward).
     */
    public void onModelPublished(ModelDefinition published) {
        ScoringModel model = published.model();
        if (model.effectiveFrom() != null) {
            schedule.bringForward(model.id(), NextChange.ceilMillis(model.effectiveFrom()),
                    "model " + model.id() + " v" + model.version() + " takes effect", clock.instant());
        }
    }

    /**
     * At start-up: versions still to take effect (e.g. a seed file added with the release) bring
     * the planned subjects of their model forward, as a publish through the API does. Idempotent.
     */
    public void planUpcomingVersions(List<ModelDefinition> versions) {
        Instant now = clock.instant();
        for (ModelDefinition d : versions) {
            if (d.model().effectiveFrom() != null && d.model().effectiveFrom().isAfter(now)) {
                onModelPublished(d);
            }
        }
    }
}
