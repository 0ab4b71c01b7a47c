package me.wolfeo.sequences.platform.contract.enrollment;

import java.time.Instant;

/**
 * Where a listed contact stands in the sequence, and how the enrollment webhooks name it: what a page of a
 * sequence's contacts shows beside each contact when asked ({@code include=progress}).
 *
 * @param step the step it waits for (null once it has none left)
 * @param waitingFor as in {@link EnrollmentProgress}: {@code delay}, {@code paused}, {@code schedule}, ...
 * @param source the CRM that knows the contact, or {@code phone_number}; null for a contact known by neither
 * @param id the contact's id in that CRM (null for {@code phone_number})
 * @param phoneNumber the contact's phone number in E.164, or null
 */
public record ContactProgress(long enrollmentId, String state, Integer step, Instant nextDueAt, String waitingFor,
        String source, String id, String phoneNumber) {
}
