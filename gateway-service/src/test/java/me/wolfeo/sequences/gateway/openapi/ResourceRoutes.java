package me.wolfeo.sequences.gateway.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;

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
        Path classes = Path.of("target/classes");
        List<Route> routes = new ArrayList<>();
        for (String className : classNames(classes, classes.resolve("me/wolfeo/sequences/gateway"))) {
            routes.addAll(routesOf(load(className)));
        }
        routes.sort(Comparator.comparing(Route::toString));
        return routes;
    }

    private static List<Route> routesOf(Class<?> type) {
        jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
        if (classPath == null || type.isInterface()) {
            return List.of(); // a REST client's interface, not a route
        }
        List<Route> routes = new ArrayList<>();
        for (Method method : type.getMethods()) {
            String httpMethod = httpMethodOf(method);
            if (httpMethod == null) {
                continue;
            }
            jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
            String path = (classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()))
                    .replaceAll("/+", "/");
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
            routes.add(new Route(httpMethod, path, pathParameters, headerParameters, readsBody, rolesOf(type, method),
                    operation != null && operation.hidden()));
        }
        return routes;
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

    private static String httpMethodOf(Method method) {
        return Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                .map(annotation -> annotation.getAnnotation(HttpMethod.class)).filter(m -> m != null)
                .map(HttpMethod::value).findFirst().orElse(null);
    }

    private static List<String> classNames(Path classes, Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot load " + className, e);
        }
    }
}
