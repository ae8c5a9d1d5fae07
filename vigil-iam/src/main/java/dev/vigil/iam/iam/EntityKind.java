package dev.vigil.iam.iam;

/**
 * The IAM entities that carry attachments, inline policies or tags, with the word AWS uses for each in ARNs
 * ({@code user/}, {@code group/}, {@code role/}, {@code policy/}) and in messages. The stored form is {@link #code}.
 */
public enum EntityKind {
    USER("user"), GROUP("group"), ROLE("role"), POLICY("policy");

    private final String code;

    EntityKind(String code) { this.code = code; }

    /** The ARN resource type and the stored entity_kind value. */
    public String code() { return code; }
}
