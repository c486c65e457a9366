package dev.anneal.api.access;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Marks {@link AdminOnly} routes in the OpenAPI document, so clients and tests read it there. */
@Component
class AdminOnlyInOpenApi implements OperationCustomizer {

    static final String EXTENSION = "x-admin-only";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (PathAccessCheck.adminOnly(handlerMethod)) {
            operation.addExtension(EXTENSION, true);
            String description = operation.getDescription();
            operation.setDescription(
                    (description == null || description.isBlank() ? "" : description + " ") + "Admin tokens only.");
        }
        return operation;
    }
}
