package me.wolfeo.sequences.platform.contract.enrollment;

import me.wolfeo.sequences.platform.contract.validation.IdentifiedBySource;
import me.wolfeo.sequences.platform.contract.validation.IdentifiesContact;
import me.wolfeo.sequences.platform.contract.validation.IntegerAsText;
import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.NoWhitespace;
import me.wolfeo.sequences.platform.contract.validation.OneOf;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/** Ends every enrollment of the contact found by source and id (or phone number). */
@IdentifiedBySource
public record Disenroll(
        @Required @OneOf( {
                ContactSources.PHONE_NUMBER, ContactSources.ALOWARE, ContactSources.HUBSPOT, ContactSources.ZOHO,
                ContactSources.GUESTY, ContactSources.PIPEDRIVE}) String source,
        @IntegerAsText @Storable @NoWhitespace @MaxLength(ContactSources.ID_MAX_LENGTH) String id,
        @IntegerAsText @Storable @MaxLength(PhoneNumbers.MAX_LENGTH) String phoneNumber) implements IdentifiesContact{
}
