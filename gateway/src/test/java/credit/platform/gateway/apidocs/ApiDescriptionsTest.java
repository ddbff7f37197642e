package credit.platform.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import credit.platform.testsupport.ApiDescriptionRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;

/**
 * Gathering: each service's operations under the gateway's route table, its scopes kept, schema names
 * that clash between services made distinct (references too), X-Purpose where the audit filter
 * demands it, the gateway's own problems and operations added; a service that is down is named.
 */
class ApiDescriptionsTest {

    static OpenAPI service(String json) {
        return ApiDescriptions.parse(json);
    }

    static final String REGISTRY = """
            {"openapi":"3.1.0","info":{"title":"registry-service API","version":"v1"},
             "paths":{
              "/api/v1/subjects/{id}":{"get":{"x-required-scope":"registry.read","security":[{"bearer":[]}],
                "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"},"example":"s-1"}],
                "responses":{"200":{"description":"OK","content":{"application/json":{
                  "schema":{"$ref":"#/components/schemas/View"},"example":{"id":"s-1"}}}}}}},
              "/internal/thing":{"get":{"x-required-scope":"registry.read","responses":{"200":{"description":"OK",
                "content":{"application/json":{"schema":{"type":"string"},"example":"x"}}}}}}},
             "components":{"schemas":{"View":{"type":"object","properties":{"id":{"type":"string"}}}}}}
            """;

    static final String LISTS = """
            {"openapi":"3.1.0","info":{"title":"blacklist-service API","version":"v1"},
             "paths":{
              "/api/v1/lists":{"get":{"x-required-scope":"lists.read","security":[{"bearer":[]}],
                "responses":{"200":{"description":"OK","content":{"application/json":{
                  "schema":{"$ref":"#/components/schemas/View"},"example":{"listId":"a"}}}}}}}},
             "components":{"schemas":{"View":{"type":"object","properties":{"listId":{"type":"string"}}}}}}
            """;

    @Test
    void keepsWhatTheGatewayRoutesWithItsScopeAndAddsThePurposeWhereAReadOfPersonDataNeedsIt() {
        OpenAPI merged = ApiDescriptions.merge(List.of(new ApiDescriptions.Fetched("registry", service(REGISTRY))));

        assertThat(merged.getPaths()).containsKey("/api/v1/subjects/{id}").doesNotContainKey("/internal/thing");
        Operation read = merged.getPaths().get("/api/v1/subjects/{id}").getGet();
        assertThat(read.getExtensions()).containsEntry("x-required-scope", "registry.read");
        assertThat(read.getParameters()).filteredOn(p -> p.getName().equals("X-Purpose")).singleElement()
                .satisfies(p -> {
                    assertThat(p.getIn()).isEqualTo("header");
                    assertThat(p.getRequired()).isTrue();
                    assertThat(p.getSchema().getEnum()).contains("ENFORCEMENT", "DATA_MAINTENANCE");
                });
        assertThat(read.getResponses()).containsKeys("401", "403", "429", "503");
        assertThat(read.getTags()).containsExactly("registry");
    }

    @Test
    void aListOfListsIsNoPersonDataAndNeedsNoPurpose() {
        OpenAPI merged = ApiDescriptions.merge(List.of(new ApiDescriptions.Fetched("lists", service(LISTS))));

        assertThat(merged.getPaths().get("/api/v1/lists").getGet().getParameters()).isNullOrEmpty();
    }

    @Test
    void sameNamedSchemasOfTwoServicesStayDistinctAndTheirReferencesFollow() {
        OpenAPI merged = ApiDescriptions.merge(List.of(new ApiDescriptions.Fetched("lists", service(LISTS)),
                new ApiDescriptions.Fetched("registry", service(REGISTRY))));

        assertThat(merged.getComponents().getSchemas()).containsKeys("View", "registry.View");
        assertThat(merged.getComponents().getSchemas().get("View").getProperties()).containsKey("listId");
        assertThat(merged.getComponents().getSchemas().get("registry.View").getProperties()).containsKey("id");
        assertThat(merged.getPaths().get("/api/v1/subjects/{id}").getGet().getResponses().get("200").getContent()
                .get("application/json").getSchema().get$ref()).isEqualTo("#/components/schemas/registry.View");
    }

    @Test
    void theGatewaysOwnOperationsAreTypedScopedAndFollowTheRules() {
        OpenAPI merged = ApiDescriptions.merge(List.of());

        assertThat(merged.getPaths()).containsKeys("/api/v1/audit/verify", "/api/v1/audit/head", "/api/v1/me/access-log");
        assertThat(merged.getPaths().get("/api/v1/audit/head").getGet().getExtensions())
                .containsEntry("x-required-scope", "audit.read");
        assertThat(merged.getPaths().get("/api/v1/me/access-log").getGet().getExtensions())
                .containsEntry("x-required-scope", "citizen");
        assertThat(merged.getPaths().get("/api/v1/me/company/access-log").getGet().getExtensions())
                .containsEntry("x-required-scope", "company");
        assertThat(ApiDescriptionRules.violations(ApiDescriptions.parse(ApiDescriptions.json(merged)))).isEmpty();
    }

    @Test
    void aServiceThatCouldNotBeReadIsNamed() {
        OpenAPI merged = ApiDescriptions.merge(List.of(new ApiDescriptions.Fetched("scoring", null)));

        assertThat(merged.getExtensions()).containsEntry("x-unavailable-services", List.of("scoring"));
        // the gateway's own problems still resolve: a generator refuses a dangling $ref
        assertThat(merged.getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void anUntypedBodyBreaksTheRules() {
        OpenAPI untyped = service("""
                {"openapi":"3.1.0","info":{"title":"t","version":"v1"},"paths":{"/api/v1/scores/models":{"post":{
                  "operationId":"modelPublish","x-required-scope":"platform.admin",
                  "requestBody":{"content":{"application/json":{"schema":{"type":"object"},"example":{}}}},
                  "responses":{"201":{"description":"OK","content":{"application/json":{"schema":{"type":"object",
                    "additionalProperties":{}},"example":{}}}}}}}}}
                """);

        assertThat(ApiDescriptionRules.violations(untyped)).containsExactly(
                "POST /api/v1/scores/models: request body application/json is untyped",
                "POST /api/v1/scores/models: response 201 application/json is untyped");
    }

    @Test
    void operationIdsStayUniqueWhenTwoServicesUseTheSameOne() {
        String get = """
                {"openapi":"3.1.0","info":{"title":"t","version":"v1"},"paths":{"%s":{"get":{
                  "operationId":"get","x-required-scope":"%s",
                  "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"string"},
                    "example":"x"}}}}}}}}
                """;
        OpenAPI merged = ApiDescriptions.merge(List.of(
                new ApiDescriptions.Fetched("registry", service(get.formatted("/api/v1/subjects/{id}", "registry.read"))),
                new ApiDescriptions.Fetched("scoring", service(get.formatted("/api/v1/scores/{subjectId}", "scoring.read")))));

        assertThat(merged.getPaths().get("/api/v1/subjects/{id}").getGet().getOperationId()).isEqualTo("get");
        assertThat(merged.getPaths().get("/api/v1/scores/{subjectId}").getGet().getOperationId()).isEqualTo("scoringGet");
        assertThat(ApiDescriptionRules.violations(merged)).noneMatch(v -> v.contains("operationId"));
    }
}
