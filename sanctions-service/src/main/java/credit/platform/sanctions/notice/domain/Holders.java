package credit.platform.sanctions.notice.domain;

import java.util.Optional;

/** Which registry subject holds an identifier from a signed-in caller's token (port; the registry client implements it). */
public interface Holders {

    /** @param company a USCC when true, a resident ID otherwise; empty when nobody holds it */
    Optional<String> holderOf(String value, boolean company);
}
