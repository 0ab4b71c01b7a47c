package me.wolfeo.sequences.platform.contract.contact;

import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
import me.wolfeo.sequences.platform.contract.validation.AtLeast;
import me.wolfeo.sequences.platform.contract.validation.IntegerAsText;
import me.wolfeo.sequences.platform.contract.validation.IsoInstant;
import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.NoWhitespace;
import me.wolfeo.sequences.platform.contract.validation.OneContactReference;
import me.wolfeo.sequences.platform.contract.validation.OneOf;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/**
 * Something a contact did, reported by an internal system or an API consumer. The contact is given by exactly
 * one of: {@code contactId}; {@code source} with {@code id} (or {@code phoneNumber} for the {@code phone_number}
 * source); {@code phoneNumber} alone.
 *
 * @param type {@link ContactActivityRules#REPLIED}, {@code bounced}, {@code unsubscribed} or {@code meeting_booked}
 * @param occurredAt an ISO-8601 instant (see {@link ContactActivityRules#occurredAt}); null: when it is recorded
 */
@OneContactReference
public record RecordActivity(
        @AtLeast(1) Long contactId,
        @OneOf( {
                ContactSources.PHONE_NUMBER, ContactSources.ALOWARE, ContactSources.HUBSPOT, ContactSources.ZOHO,
                ContactSources.GUESTY, ContactSources.PIPEDRIVE}) String source,
        @IntegerAsText @Storable @NoWhitespace @MaxLength(ContactSources.ID_MAX_LENGTH) String id,
        @IntegerAsText @Storable @MaxLength(PhoneNumbers.MAX_LENGTH) String phoneNumber,
        @Required @OneOf({ContactActivityRules.REPLIED, ContactActivityRules.BOUNCED, ContactActivityRules.UNSUBSCRIBED,
                ContactActivityRules.MEETING_BOOKED}) String type,
        @MaxLength(ContactActivityRules.OCCURRED_AT_MAX_LENGTH) @IsoInstant String occurredAt)
        implements
            OneContactReference.Referenced{
}
