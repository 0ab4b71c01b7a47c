package me.wolfeo.sequences.platform.contract.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text read exactly as sent (email HTML, SMS text): its surrounding white space is kept, where every other text
 * field loses it.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
public @interface Verbatim {
}
