package credit.platform.registry.subject.adapter.rest;

import credit.platform.common.security.RestRoute;
import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.InvalidRequestException;
import credit.platform.common.web.Problems;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.registry.subject.domain.Subject;
import credit.platform.registry.subject.domain.SubjectKind;
import credit.platform.registry.subject.domain.SubjectService;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public company register (no token; the public portal): legal entities by exact USCC or by a part
 * of their name, and one entity by its USCC — its code, name, status and registration region, as the
 * public registers publish them. Never a person nor a government body (the same 404 as an unknown code),
 * never internal ids.
 */
@RestController
class PublicCompanyController {

    private static final int MAX_RESULTS = 20;

    /** What the public sees of a company. */
    record PublicCompanyView(String uscc, String name, String status, LocalDate statusDate, String registrationRegion) {
        static PublicCompanyView of(Subject s) {
            String uscc = s.identifiers().stream().filter(i -> i.scheme() == IdentifierScheme.USCC).map(i -> i.value())
                    .findFirst().orElse(null);
            return new PublicCompanyView(uscc, s.name(), s.status().name(), s.statusDate(), s.registrationRegion());
        }
    }

    private final SubjectService subjects;

    PublicCompanyController(SubjectService subjects) {
        this.subjects = subjects;
    }

    /** @param q an exact USCC, or at least two characters of the name */
    @GetMapping("/api/v1/public/companies")
    List<PublicCompanyView> search(@RequestParam(required = false) String q) {
        String query = q == null ? "" : q.strip();
        if (query.length() < 2 || query.length() > 100) {
            throw new InvalidRequestException(List.of(new FieldViolation("q", "length",
                    "q is a unified social credit code or 2 to 100 characters of a company's name")));
        }
        return subjects.publicCompanies(query, MAX_RESULTS).stream().filter(PublicCompanyController::isCompany)
                .map(PublicCompanyView::of).filter(v -> v.uscc() != null).toList();
    }

    @GetMapping("/api/v1/public/companies/{uscc}")
    PublicCompanyView one(@PathVariable String uscc) {
        String code = uscc.strip().toUpperCase(Locale.ROOT);
        List<PublicCompanyView> found = code.length() == 18
                ? subjects.publicCompanies(code, 1).stream().filter(PublicCompanyController::isCompany)
                        .map(PublicCompanyView::of).toList()
                : List.of();
        if (found.isEmpty()) {
            throw new NoSuchCompany();
        }
        return found.getFirst();
    }

    /** No legal entity holds the code (a person's or nobody's: the same answer). */
    static final class NoSuchCompany extends RuntimeException {
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(NoSuchCompany.class)
    ProblemDetail noSuchCompany(NoSuchCompany e) {
        return Problems.of(HttpStatus.NOT_FOUND, "company-not-found", "Company not found",
                "No legal entity holds this unified social credit code.");
    }

    private static boolean isCompany(Subject s) {
        return s.kind() == SubjectKind.LEGAL_ENTITY;
    }

    /** Open routes: public-by-law company register data only. */
    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RestRoute publicCompanySearch() {
            return RestRoute.openGet("/api/v1/public/companies");
        }

        @Bean
        RestRoute publicCompany() {
            return RestRoute.openGet("/api/v1/public/companies/*");
        }
    }
}
