package me.wolfeo.sequences.gateway.openapi;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;

import me.wolfeo.sequences.platform.testing.JaxRsRoutes;

/**
 * Every JAX-RS resource method of the gateway, read from its compiled classes (target/classes): the HTTP method,
 * the path template, its path and header parameters, whether it reads a body, and who may call it. A route added
 * tomorrow is here tomorrow.
 */
final class ResourceRoutes {

    /** A resource method as the code declares it. */
    record Route(String method, String path, Set<String> pathParameters, Set<String> headerParameters,
            boolean readsBody, String roles, boolean hidden) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ResourceRoutes() {
    }

    static List<Route> ofGateway() {
        List<Route> routes = new ArrayList<>();
        for (JaxRsRoutes.ResourceMethod resource : JaxRsRoutes.resourceMethods("me.wolfeo.sequences.gateway", false)) {
            routes.add(routeOf(resource));
        }
        routes.sort(Comparator.comparing(Route::toString));
        return routes;
    }

    private static Route routeOf(JaxRsRoutes.ResourceMethod resource) {
        Method method = resource.method();
        Set<String> pathParameters = new TreeSet<>();
        Set<String> headerParameters = new TreeSet<>();
        boolean readsBody = false;
        for (Parameter parameter : method.getParameters()) {
            PathParam pathParam = parameter.getAnnotation(PathParam.class);
            HeaderParam headerParam = parameter.getAnnotation(HeaderParam.class);
            if (pathParam != null) {
                pathParameters.add(pathParam.value());
            } else if (headerParam != null) {
                headerParameters.add(headerParam.value());
            } else if (parameter.getType() == byte[].class) {
                readsBody = true;
            }
        }
        Operation operation = method.getAnnotation(Operation.class);
        return new Route(resource.httpMethod(), resource.pathTemplate(), pathParameters, headerParameters, readsBody,
                rolesOf(resource.type(), method), operation != null && operation.hidden());
    }

    /** The roles that may call it ({@code @RolesAllowed}), or {@code "permit-all"}. */
    private static String rolesOf(Class<?> type, Method method) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class) != null
                ? method.getAnnotation(RolesAllowed.class)
                : type.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return String.join(",", roles.value());
        }
        if (method.getAnnotation(PermitAll.class) != null || type.getAnnotation(PermitAll.class) != null) {
            return "permit-all";
        }
        return "none";
    }

}
