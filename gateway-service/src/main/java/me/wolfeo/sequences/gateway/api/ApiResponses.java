package me.wolfeo.sequences.gateway.api;

import java.util.List;
import java.util.function.Function;

import me.wolfeo.sequences.platform.paging.Page;

/** The success bodies of the /v1 dialect. */
public final class ApiResponses {

    private ApiResponses() {
    }

    /** {@code {"success": true, "data": ...}} */
    public record Success<T>(boolean success, T data) {
    }

    /** {@code {"success": true, "data": [...], "meta": {...}}} */
    public record Paged<T>(boolean success, List<T> data, Meta meta) {
    }

    public record Meta(int currentPage, int lastPage, int perPage, long total) {
    }

    public static <T> Success<T> success(T data) {
        return new Success<>(true, data);
    }

    public static <S, T> Paged<T> paged(Page<S> page, Function<S, T> view) {
        return new Paged<>(true, page.items().stream().map(view).toList(),
                new Meta(page.page(), page.lastPage(), page.perPage(), page.total()));
    }
}
