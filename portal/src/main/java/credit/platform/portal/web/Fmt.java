package credit.platform.portal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/** Formatting for the templates ({@code ${@fmt.time(x)}}): instants in China's time, as people read them. */
@Component("fmt")
public class Fmt {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    public String time(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return MINUTES.format(Instant.parse(instant.toString()));
        } catch (DateTimeParseException e) {
            return instant.toString();
        }
    }

    /** The record id a score contribution came from ({@code list-record:<id>}), or null. */
    public String recordOf(Object sourceRef) {
        String s = sourceRef == null ? "" : sourceRef.toString();
        return s.startsWith("list-record:") ? s.substring("list-record:".length()) : null;
    }

    /** The kind of fact a contribution came from: record, permit, missing permit, cap. */
    public String sourceKind(Object sourceRef) {
        String s = sourceRef == null ? "" : sourceRef.toString();
        int colon = s.indexOf(':');
        return colon < 0 ? "other" : s.substring(0, colon);
    }
}
