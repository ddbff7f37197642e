package credit.platform.scoring.score.domain;

/** A score as kept in the history, with the cause that made it be computed and stored. */
public record StoredScore(Score score, String cause) {
}
