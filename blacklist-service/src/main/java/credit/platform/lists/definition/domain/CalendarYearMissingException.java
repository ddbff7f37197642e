package credit.platform.lists.definition.domain;

/**
 * A working-day deadline needs a year the platform has no public-holiday file for: it is not
 * computed on weekends alone (a holiday week would be counted as working days), it is refused.
 */
public class CalendarYearMissingException extends RuntimeException {

    private final int year;

    public CalendarYearMissingException(int year) {
        super("no working-day calendar for " + year + ": the State Council's holiday notice for " + year
                + " is not in the platform yet");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
