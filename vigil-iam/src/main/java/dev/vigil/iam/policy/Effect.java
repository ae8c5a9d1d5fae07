package dev.vigil.iam.policy;

/** A statement's {@code Effect}: "Allow" or "Deny", exactly as AWS spells them. Immutable. */
public enum Effect {
    ALLOW("Allow"), DENY("Deny");

    private final String awsName;

    Effect(String awsName) { this.awsName = awsName; }

    public String awsName() { return awsName; }

    /** The effect for the exact, case-sensitive text, or null (AWS rejects "allow"). */
    static Effect parse(String text) {
        for (Effect e : values()) if (e.awsName.equals(text)) return e;
        return null;
    }
}
