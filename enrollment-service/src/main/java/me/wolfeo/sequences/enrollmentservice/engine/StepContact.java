package me.wolfeo.sequences.enrollmentservice.engine;

/** What a step needs of its contact: where to send, and the values of the placeholders. */
public record StepContact(long id, String email, String firstName, String lastName, String phoneNumber,
        String timezone) {
}
