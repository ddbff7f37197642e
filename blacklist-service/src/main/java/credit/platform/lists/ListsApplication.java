package credit.platform.lists;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Lists service: list definitions, records on lists and their ordered change feed. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ListsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ListsApplication.class, args);
    }
}
