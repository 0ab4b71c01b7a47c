package me.wolfeo.sequences.platform.contract.sequence;

import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.OneOf;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;

/** Creates a sequence. {@code type} is {@code normal} or {@code inverted}. */
public record CreateSequence(
        @Required @Storable @MaxLength(SequenceRules.NAME_MAX_LENGTH) String name,
        @OneOf( {
                SequenceRules.NORMAL, SequenceRules.INVERTED}) String type){
}
