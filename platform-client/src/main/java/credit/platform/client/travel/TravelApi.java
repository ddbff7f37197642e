package credit.platform.client.travel;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Travel checks for carriers (sanctions-service, via the gateway). */
public interface TravelApi {

    /** Needs scope {@code travel.check}. */
    @PostMapping(path = "/api/v1/travel-checks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    TravelCheckResult check(@RequestBody TravelCheckRequest request);
}
