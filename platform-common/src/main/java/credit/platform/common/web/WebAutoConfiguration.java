package credit.platform.common.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.core.StreamReadFeature;

/**
 * problem+json for framework-level input errors in every servlet service, and one reading of every
 * JSON body: a field given twice in one object is refused (400 {@code body}/{@code readable-json}),
 * never read as its first or its last value — the gateway reads the same body for the audit (whose
 * travel check is it?) and must never see another person than the service does.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(CommonProblemHandler.class)
public class WebAutoConfiguration {

    /** Duplicate keys are a parse error in the service's JSON mapper (requests and everything else it reads). */
    @Bean
    JsonMapperBuilderCustomizer duplicateKeysRefused() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
