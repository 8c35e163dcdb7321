package io.covenant.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.covenant.shared.security.Caller;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completes the OpenAPI 3.1 document springdoc builds from the controllers: the two ways to authenticate (a bearer
 * access token or an {@code X-API-Key}), the public sign-in endpoints, and the RFC 9457 problem responses that the
 * one exception handler ({@code ProblemDetailsAdvice}) and the security handlers answer for every operation.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BEARER = "bearer";

    static final String API_KEY = "api_key";

    static final String PROBLEM = "Problem";

    static {
        // Controllers take the request's caller as an argument; it comes from the credentials, not a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** Endpoints anyone may call (the API chain's public list, less the description itself). */
    static final Set<String> PUBLIC =
            Set.of("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/verify");

    /**
     * Schemas named as the API writes them: the service's JSON mapper uses snake_case, and swagger-core reads the
     * records with its own (Jackson 2) mapper, so it gets the same naming strategy here.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenApiCustomizer covenantApiDescription() {
        return ApiDescription::describe;
    }

    /**
     * Names the endpoints that controllers take from the shared endpoint interfaces ({@code ItemEndpoints} and its
     * kin) for their verb and the controller's resource: {@code getCompany}, {@code createAnalysisReport}. Left to
     * springdoc they would all be {@code get}, {@code get_1}, ..., numbered in the order it meets the controllers.
     */
    @Bean
    OperationCustomizer sharedEndpointOperationIds() {
        return (operation, handler) -> {
            if (handler.getMethod().getDeclaringClass().isInterface()) {
                operation.operationId(handler.getMethod().getName()
                        + handler.getBeanType().getSimpleName().replaceFirst("Controller$", ""));
            }
            return operation;
        };
    }

    static void describe(OpenAPI api) {
        api.info(
                new Info()
                        .title("Covenant API")
                        .version("v1")
                        .description(
                                "Corporate intelligence and default-risk predictions. JSON in snake_case; errors are RFC 9457 "
                                        + "application/problem+json. Every row follows the access rule: personal rows are seen by their "
                                        + "creator, organization rows by its members, system rows by everyone; another tenant's row is 404."));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("Access token from POST /api/v1/auth/login (15 minutes; renew with /refresh)."));
        components.addSecuritySchemes(
                API_KEY,
                new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")
                        .description("An API key from POST /api/v1/api-keys, limited to its scopes."));
        components.addSchemas(
                "FieldError",
                new Schema<>()
                        .type("object")
                        .description("One field that failed validation.")
                        .addProperty("field", new Schema<>().type("string"))
                        .addProperty("message", new Schema<>().type("string"))
                        .addProperty(
                                "rejected_value",
                                new Schema<>().description("The value sent, when it is safe to echo.")));
        components.addSchemas(
                PROBLEM,
                new Schema<>()
                        .type("object")
                        .description("RFC 9457 problem details.")
                        .addProperty("type", new Schema<>().type("string").format("uri"))
                        .addProperty("title", new Schema<>().type("string"))
                        .addProperty("status", new Schema<>().type("integer"))
                        .addProperty("detail", new Schema<>().type("string"))
                        .addProperty("instance", new Schema<>().type("string"))
                        .addProperty("request_id", new Schema<>().type("string"))
                        .addProperty(
                                "errors",
                                new Schema<>()
                                        .type("array")
                                        .description("Field-level errors of a validation failure (422).")
                                        .items(new Schema<>().$ref("#/components/schemas/FieldError")))
                        .required(List.of("type", "title", "status")));
        api.security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(API_KEY)));
        Map<String, Tag> tags = new LinkedHashMap<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                describe(path, method, operation);
                if (operation.getTags() != null) {
                    operation.getTags().forEach(tag -> tags.putIfAbsent(tag, new Tag().name(tag)));
                }
            }));
        }
        if (!tags.isEmpty()) {
            api.tags(List.copyOf(tags.values()));
        }
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = PUBLIC.contains(path);
        if (open) {
            operation.security(List.of());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        // Controllers that do not declare what they produce write JSON.
        responses.values().forEach(response -> {
            if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                response.getContent()
                        .addMediaType("application/json", response.getContent().remove("*/*"));
            }
        });
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        problem(responses, "400", "The body or a parameter could not be read (malformed JSON, wrong type).");
        if (!open) {
            problem(responses, "401", "No valid access token or API key.");
            problem(
                    responses,
                    "403",
                    "The caller's role, permissions or key scopes do not allow this, or the row "
                            + "is visible but not the caller's to change.");
        }
        if (path.contains("{")) {
            problem(responses, "404", "No such row, or one the caller may not see.");
        }
        if (takesInput) {
            problem(responses, "422", "Validation failed: `errors` names each field, its message and the value.");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            problem(responses, "409", "The change conflicts with the stored state (for example a duplicate).");
        }
        if (isMultipart(operation)) {
            problem(responses, "413", "The file is larger than the configured limit.");
            problem(responses, "415", "The file's type is not accepted.");
        }
        if (path.equals("/api/v1/auth/login")) {
            problem(responses, "429", "Too many failed sign-ins for this account or address; retry later.");
        }
        problem(responses, "500", "An unexpected failure; the detail says nothing internal and it is logged.");
    }

    private static boolean isMultipart(Operation operation) {
        return operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey("multipart/form-data");
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }
}
