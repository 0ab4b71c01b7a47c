package me.wolfeo.sequences.platform.contract.content;

/**
 * The reply to {@link UpdateContent}.
 *
 * @param id the stage id
 * @param pathToEmail the public URL of the uploaded HTML
 */
public record ContentUpdated(long id, long emailId, String pathToEmail) {
}
