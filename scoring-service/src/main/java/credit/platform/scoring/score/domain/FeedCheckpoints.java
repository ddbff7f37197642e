package credit.platform.scoring.score.domain;

import java.util.OptionalLong;

/** Port: the last sequence of a change feed that was fully processed, per feed. */
public interface FeedCheckpoints {

    OptionalLong load(String feed);

    void save(String feed, long sequence);
}
