package me.wolfeo.sequences.platform.contract.enrollment;

/** Ends every enrollment of the contact found by source and id (or phone number). */
public record Disenroll(String source, String id, String phoneNumber) {
}
