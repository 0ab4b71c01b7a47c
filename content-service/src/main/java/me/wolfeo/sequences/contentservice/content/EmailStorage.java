package me.wolfeo.sequences.contentservice.content;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.contentservice.ContentConfig;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The HTML bodies of emails in S3, at {@code emails/files/file_{email_id}.html}. */
@ApplicationScoped
public class EmailStorage {

    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private final S3Client s3;
    private final ContentConfig.Storage config;

    public EmailStorage(S3Client s3, ContentConfig config) {
        this.s3 = s3;
        this.config = config.storage();
    }

    public static String key(long emailId) {
        return "emails/files/file_" + emailId + ".html";
    }

    /** Uploads (or replaces) the HTML of an email. Repeating it is harmless: the key is the email's. */
    public void put(long emailId, String html) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(config.bucket())
                .key(key(emailId))
                .contentType(CONTENT_TYPE);
        if (config.publicReadAcl()) {
            request.acl(ObjectCannedACL.PUBLIC_READ);
        }
        s3.putObject(request.build(), RequestBody.fromBytes(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** The HTML of an email as it was uploaded; empty when there is no object. */
    public Optional<String> get(long emailId) {
        try {
            return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(config.bucket())
                    .key(key(emailId)).build()).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Deletes the HTML of an email; deleting a missing object is not an error in S3. */
    public void delete(long emailId) {
        s3.deleteObject(DeleteObjectRequest.builder().bucket(config.bucket()).key(key(emailId)).build());
    }

    public String publicUrl(long emailId) {
        return stripTrailingSlash(config.publicBaseUrl()) + "/" + key(emailId);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
