package me.wolfeo.sequences.platform.contract.enrollment;

/** A contact, as the listings show it. */
public record ContactData(long id, String email, String firstName, String lastName) {
}
