package app.thaw.platform.openapi;

import java.util.List;

import app.thaw.platform.security.RoleGate;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI document names the service, gives the gateway's public address
 * ({@code THAW_PUBLIC_URL}) as its server, and declares that every operation needs a bearer token
 * from Keycloak, so the gateway's Swagger UI offers "Authorize".
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

    /** How every service reads request bodies and dates (ADR 55, 58); said once per document, true of every operation. */
    static final String STRICT_REQUESTS = "Request bodies are strict: a field an operation does not define (a misspelt "
            + "one included) is answered 400 validation_failed naming it (rule UnknownField), and a date or date-time "
            + "outside 1970-01-01 to 2100-12-31 is answered 400 validation_failed naming its field (rule DateWindow). "
            + "The same date window holds for dates in query parameters and form or multipart fields, named by their "
            + "parameter (ADR 58).";

    /**
     * Each operation that declares its roles ({@code @AllowedRoles}, ADR 51) carries them as
     * {@code x-thaw-roles}, read from the same annotation the security chain enforces, and says so.
     */
    @Bean
    OperationCustomizer thawOperationRoles() {
        return (operation, handler) -> {
            RoleGate.allowed(handler).ifPresent(roles -> {
                operation.addExtension("x-thaw-roles", List.copyOf(roles));
                String said = "Roles: " + String.join(", ", roles) + " (any other role: 403 forbidden).";
                operation.setDescription(
                        operation.getDescription() == null ? said : operation.getDescription() + "\n\n" + said);
            });
            return operation;
        };
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI thawOpenApi(
            @Value("${spring.application.name:thaw}") String service,
            @Value("${thaw.service.description:Thaw API}") String description,
            @Value("${thaw.public-url}") String publicUrl) {
        return new OpenAPI()
                // Callers reach every service through the gateway, never at the service's own address.
                .addServersItem(new Server().url(publicUrl).description("Thaw API gateway"))
                .info(new Info()
                        .title("Thaw " + service)
                        .description(description + "\n\n" + STRICT_REQUESTS)
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token from Thaw's Keycloak realm")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
