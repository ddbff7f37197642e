package credit.platform.scoring.score.domain;

/** Port to the score history: every computed score, appended (one document per score). */
public interface ScoreHistory {

    void append(Score score);
}
