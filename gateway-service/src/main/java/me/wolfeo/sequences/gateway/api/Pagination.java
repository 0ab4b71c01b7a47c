package me.wolfeo.sequences.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import me.wolfeo.sequences.platform.contract.validation.AtLeast;
import me.wolfeo.sequences.platform.contract.validation.AtMost;

/** The {@code page} (from 1, default 1) and {@code per_page} (1 to 100, default 50) of a listing. */
public record Pagination(int page, int perPage) {

    public static final int MAX_PER_PAGE = 100;
    private static final int DEFAULT_PER_PAGE = 50;

    /** The two parameters as given; null when left out. */
    record Query(@AtLeast(1) @AtMost(Integer.MAX_VALUE) Long page, @AtLeast(1) @AtMost(MAX_PER_PAGE) Long perPage) {
    }

    /** Reads and checks the two parameters, failing with every problem at once. */
    public static Pagination of(ContractReader reader, ObjectNode query) {
        Query given = reader.read(query, Query.class);
        return new Pagination(given.page() == null ? 1 : given.page().intValue(),
                given.perPage() == null ? DEFAULT_PER_PAGE : given.perPage().intValue());
    }
}
