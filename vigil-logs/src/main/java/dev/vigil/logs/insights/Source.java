package dev.vigil.logs.insights;

import java.util.List;

/**
 * A query's {@code SOURCE logGroups(...)} command: which log groups it reads when StartQuery names none. Empty
 * lists mean any (for {@code classes}: AWS's default, the Standard class only). Immutable.
 *
 * @param namePrefixes {@code namePrefix}: groups whose names start with one of these (at most 5)
 * @param accountIdentifiers {@code accountIdentifiers}: groups of these accounts (at most 20)
 * @param classes {@code class}: log group classes (STANDARD, INFREQUENT_ACCESS)
 */
public record Source(List<String> namePrefixes, List<String> accountIdentifiers, List<String> classes) {
    public static final int MAX_PREFIXES = 5;
    public static final int MAX_ACCOUNTS = 20;

    /** Whether a group of this name, account and class is selected. */
    public boolean selects(String name, String accountId, String logGroupClass) {
        if (!namePrefixes.isEmpty() && namePrefixes.stream().noneMatch(name::startsWith)) return false;
        if (!accountIdentifiers.isEmpty() && !accountIdentifiers.contains(accountId)) return false;
        String cls = logGroupClass == null ? "STANDARD" : logGroupClass;
        return classes.isEmpty() ? cls.equals("STANDARD") : classes.contains(cls);
    }
}
