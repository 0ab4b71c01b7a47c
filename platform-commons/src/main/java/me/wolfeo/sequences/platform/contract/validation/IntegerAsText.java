package me.wolfeo.sequences.platform.contract.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text field that may also be given as a JSON integer, read as its decimal digits: a CRM id (a number in most
 * CRMs), a phone number.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
public @interface IntegerAsText {
}
