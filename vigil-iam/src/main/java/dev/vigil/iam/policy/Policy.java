package dev.vigil.iam.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed, validated and compiled policy document. Build one with {@link PolicyParser#parse}; the parser
 * caches by document text, so the same document is compiled once however often it is attached.
 * Immutable, thread-safe.
 */
public final class Policy {
    /** The policy language version that introduced policy variables. */
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    private final String document;
    private final PolicyKind kind;
    private final String version;
    private final String id;
    private final List<Statement> statements;

    Policy(String document, PolicyKind kind, String version, String id, List<Statement> statements) {
        this.document = document;
        this.kind = kind;
        this.version = version;
        this.id = id;
        this.statements = List.copyOf(statements);
    }

    /** The document text as given. */
    public String document() { return document; }

    public PolicyKind kind() { return kind; }

    /** The Version element, or null when absent (which means 2008-10-17: variables are literal text). */
    public String version() { return version; }

    /** The optional top-level Id element. */
    public String id() { return id; }

    public List<Statement> statements() { return statements; }

    /** Every context key the policy's conditions and variables read, as first written; for MissingContextValues. */
    public List<String> contextKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Statement s : statements) {
            for (String k : s.contextKeys()) keys.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
        }
        return List.copyOf(keys.values());
    }

    @Override
    public String toString() {
        return "Policy[" + kind + ", " + statements.size() + " statements]";
    }
}
