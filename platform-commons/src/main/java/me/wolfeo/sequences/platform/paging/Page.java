package me.wolfeo.sequences.platform.paging;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the rows of this page
 * @param page the 1-based page number
 * @param perPage the page size asked for
 * @param total how many rows the whole listing has
 */
public record Page<T>(List<T> items, int page, int perPage, long total) {

    /** The number of the last page; 1 for an empty listing, as the public API shows it. */
    public int lastPage() {
        return total == 0 ? 1 : (int) ((total + perPage - 1) / perPage);
    }

    /** The offset of the first row of a page, for a query. */
    public static long offset(int page, int perPage) {
        return (long) (page - 1) * perPage;
    }
}
