package me.wolfeo.sequences.gateway.api;

/** The {@code page} (from 1, default 1) and {@code per_page} (1 to 100, default 50) of a listing. */
public record Pagination(int page, int perPage) {

    public static final int MAX_PER_PAGE = 100;

    /** Reads and checks the two parameters, failing with every problem at once. */
    public static Pagination of(Fields fields) {
        Long page = fields.optionalInteger("page", 1, Integer.MAX_VALUE);
        Long perPage = fields.optionalInteger("per_page", 1, MAX_PER_PAGE);
        fields.check();
        return new Pagination(page == null ? 1 : page.intValue(), perPage == null ? 50 : perPage.intValue());
    }
}
