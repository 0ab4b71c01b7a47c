package me.wolfeo.sequences.platform.contract.validation;

/** A command about a contact found by its source and id in that source, or by its phone number. */
public interface IdentifiesContact {

    String source();

    String id();

    String phoneNumber();
}
