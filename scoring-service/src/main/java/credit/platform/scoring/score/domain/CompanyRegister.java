package credit.platform.scoring.score.domain;

import java.util.Optional;

/** Port to the registry: which subject holds a unified social credit code. */
public interface CompanyRegister {

    /**
     * @return the id of the subject holding the code, empty when none does
     * @throws InvalidUsccException       when the code is not a valid USCC
     * @throws SourceUnavailableException when the registry cannot answer
     */
    Optional<String> holderOf(String uscc);

    /**
     * The subject holding a resident ID (a signed-in person asking for their own score; the ID comes
     * from their token).
     *
     * @return the id of the subject holding it, empty when none does
     * @throws SourceUnavailableException when the registry cannot answer
     */
    Optional<String> holderOfResidentId(String residentId);
}
