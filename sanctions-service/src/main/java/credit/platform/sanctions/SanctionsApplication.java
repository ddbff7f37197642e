package credit.platform.sanctions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Sanctions service: travel checks for ticketing systems, and the decision log for redress. */
@SpringBootApplication
public class SanctionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SanctionsApplication.class, args);
    }
}
