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
}
