package dev.vigil.iam.iam;

import dev.vigil.core.Arn;
import java.util.Locale;

/**
 * IAM naming rules: names are unique per account regardless of case, and ARNs carry the path
 * ({@code arn:aws:iam::123456789012:user/division/alice}). ARNs are built through {@link Arn} only. Stateless.
 */
public final class IamNames {
    /** The account segment of AWS managed policy ARNs ({@code arn:aws:iam::aws:policy/...}). */
    public static final String AWS_ACCOUNT = "aws";
    public static final String DEFAULT_PATH = "/";

    private IamNames() {}

    /** The case-insensitive identity of a name, as the unique constraints store it. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public static String path(String path) {
        return path == null ? DEFAULT_PATH : path;
    }

    public static String arn(String accountId, EntityKind kind, String path, String name) {
        return Arn.of("iam", "", accountId, kind.code() + path(path) + name).toString();
    }

    /** Escapes a path prefix for {@code LIKE ? ESCAPE '\'}. */
    static String likePrefix(String prefix) {
        StringBuilder b = new StringBuilder(prefix.length() + 1);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '\\' || c == '%' || c == '_') b.append('\\');
            b.append(c);
        }
        return b.append('%').toString();
    }
}
