package io.covenant.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document integrators generate clients from: valid 3.1, complete, with both security schemes. */
@ApiTest
class ApiDescriptionTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentIsValidOpenApi31() {
        SwaggerParseResult result = parse();
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("bearer", "api_key");
        assertThat(result.getOpenAPI()
                        .getComponents()
                        .getSecuritySchemes()
                        .get("api_key")
                        .getName())
                .isEqualTo("X-API-Key");
    }

    @Test
    void everyControllerEndpointIsDescribed() {
        OpenAPI api = parse().getOpenAPI();
        List<String> missing = new ArrayList<>();
        int endpoints = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("io.covenant")) {
                continue;
            }
            for (String path : entry.getKey().getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    endpoints++;
                    PathItem item = api.getPaths().get(path);
                    Operation operation = item == null
                            ? null
                            : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name()));
                    if (operation == null) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(endpoints).isGreaterThanOrEqualTo(80);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyOperationDescribesItsProblemsAndWhoMayCallIt() {
        OpenAPI api = parse().getOpenAPI();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertThat(operation.getResponses()).as(method + " " + path).containsKeys("400", "500");
            assertThat(operation.getResponses().get("500").getContent()).containsKey("application/problem+json");
            if (path.contains("{")) {
                assertThat(operation.getResponses()).as(method + " " + path).containsKey("404");
            }
        }));
        Operation login = api.getPaths().get("/api/v1/auth/login").getPost();
        assertThat(login.getSecurity()).isEmpty();
        assertThat(login.getResponses()).containsKey("429").doesNotContainKey("401");
        assertThat(api.getSecurity()).hasSize(2);
        Operation upload = api.getPaths().get("/api/v1/uploads").getPost();
        assertThat(upload.getResponses()).containsKeys("401", "403", "413", "415", "422");
    }

    @Test
    void schemasUseTheApisSnakeCaseNames() {
        OpenAPI api = parse().getOpenAPI();
        assertThat(api.getComponents().getSchemas().get("Company").getProperties())
                .containsKeys("legal_name", "market_cap", "access_level");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("detail", "errors", "request_id");
    }

    @Test
    void listParametersAreDescribedByTheSnakeCaseNamesTheyAreBoundBy() {
        OpenAPI api = parse().getOpenAPI();
        assertThat(queryParameters(api, "/api/v1/companies"))
                .contains("access_level", "market_cap_min", "founded_year_max", "cursor", "limit", "offset");
        assertThat(queryParameters(api, "/api/v1/market-intelligence"))
                .containsExactlyInAnyOrder(
                        "company_id", "event_type", "from", "to", "sentiment_min", "sentiment_max", "cursor", "limit");
        assertThat(queryParameters(api, "/api/v1/predictions/{kind}"))
                .contains("company_id", "reporting_year", "probability_min", "cursor", "limit");
        assertThat(queryParameters(api, "/api/v1/audit-logs"))
                .contains("user_id", "organization_id", "request_id", "from", "to", "cursor", "limit");
        assertThat(queryParameters(api, "/api/v1/companies/{id}/metrics/{type}"))
                .containsExactlyInAnyOrder("from", "to", "period_type");
    }

    @Test
    void theBrowsableUiIsServed() {
        fixtures.anonymous()
                .redirects()
                .follow(true)
                .get("/swagger-ui.html")
                .then()
                .statusCode(200);
        fixtures.anonymous().get("/swagger-ui/index.html").then().statusCode(200);
    }

    private static List<String> queryParameters(OpenAPI api, String path) {
        return api.getPaths().get(path).getGet().getParameters().stream()
                .filter(parameter -> "query".equals(parameter.getIn()))
                .map(Parameter::getName)
                .toList();
    }

    private SwaggerParseResult parse() {
        String json = fixtures.anonymous()
                .get("/v3/api-docs")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            // Kept as a build artifact for client generators and for review.
            Files.writeString(Files.createDirectories(Path.of("target")).resolve("openapi.json"), json);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new OpenAPIParser().readContents(json, null, null);
    }
}
