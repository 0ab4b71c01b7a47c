package me.wolfeo.sequences.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

/**
 * Every JAX-RS resource method of the module under test, found in its compiled classes (target/classes, and
 * target/test-classes for the stand-ins of other services): for tests that must hold for every route, a route
 * added later included.
 */
public final class JaxRsRoutes {

    /** One resource method: its HTTP method and its path, each template parameter filled with 1. */
    public record Route(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private JaxRsRoutes() {
    }

    /** A resource method as its class declares it: the HTTP method and the path template. */
    public record ResourceMethod(Class<?> type, Method method, String httpMethod, String pathTemplate) {
    }

    /** The routes of the resource classes in this package (and below) of the module the tests run in. */
    public static List<Route> ofModule(String basePackage) {
        List<Route> routes = new ArrayList<>();
        for (ResourceMethod method : resourceMethods(basePackage, true)) {
            routes.add(new Route(method.httpMethod(), concrete(method.pathTemplate())));
        }
        routes.sort(Comparator.comparing(Route::toString));
        return routes;
    }

    /**
     * The resource methods of the classes in this package (and below) in target/classes, and in target/test-classes
     * too when asked.
     */
    public static List<ResourceMethod> resourceMethods(String basePackage, boolean withTestClasses) {
        List<ResourceMethod> methods = new ArrayList<>();
        List<Path> directories = withTestClasses
                ? List.of(Path.of("target/classes"), Path.of("target/test-classes"))
                : List.of(Path.of("target/classes"));
        for (Path classes : directories) {
            Path root = classes.resolve(basePackage.replace('.', '/'));
            if (Files.isDirectory(root)) {
                for (String className : classNames(classes, root)) {
                    methods.addAll(resourceMethodsOf(load(className)));
                }
            }
        }
        return methods;
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

    /** A class's resource methods; an interface is a REST client's (or left to the class that implements it). */
    private static List<ResourceMethod> resourceMethodsOf(Class<?> type) {
        jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
        if (classPath == null || type.isInterface()) {
            return List.of();
        }
        List<ResourceMethod> methods = new ArrayList<>();
        for (Method method : type.getMethods()) {
            String httpMethod = httpMethodOf(method);
            if (httpMethod != null) {
                jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = (classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()))
                        .replaceAll("/+", "/");
                methods.add(new ResourceMethod(type, method, httpMethod, path.startsWith("/") ? path : "/" + path));
            }
        }
        return methods;
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    private static String concrete(String template) {
        String path = template.replaceAll("\\{[^}]*}", "1").replaceAll("/+", "/");
        return path.startsWith("/") ? path : "/" + path;
    }
}
