package me.wolfeo.sequences.platform.contract.content;

import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.validation.EmailAddress;
import me.wolfeo.sequences.platform.contract.validation.MaxKibibytes;
import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;
import me.wolfeo.sequences.platform.contract.validation.Verbatim;

/** Sets the HTML body of a send_email stage's email and, when given, its subject and sender. */
public record UpdateContent(
        @Required Long stageId,
        @Verbatim @Required @Storable(multiline = true) @MaxKibibytes(ContentRules.MAX_HTML_KIB) String html,
        @Storable @MaxLength(ContentRules.SUBJECT_MAX_LENGTH) String subject,
        @Storable @MaxLength(ContentRules.FROM_NAME_MAX_LENGTH) String fromName,
        @MaxLength(EmailAddresses.MAX_LENGTH) @EmailAddress String fromEmail) {
}
