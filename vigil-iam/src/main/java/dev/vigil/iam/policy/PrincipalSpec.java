package dev.vigil.iam.policy;

import dev.vigil.core.PrincipalType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A compiled {@code Principal} or {@code NotPrincipal} element ("AWS JSON policy elements: Principal").
 * Besides whether a principal matches, it says <em>how</em>, because the evaluation logic depends on
 * which ARN a resource-based policy names: the session or user itself, the role (or the IAM user that
 * federated) behind a session, or only the account. Immutable, thread-safe.
 */
public final class PrincipalSpec {
    /** How a request principal is named by the element, weakest first. */
    public enum Match {
        /** Not named. */
        NONE,
        /** Only its account is named ("delegates authority to the account"). */
        ACCOUNT,
        /** The role behind a role session, or the IAM user behind a federated user session. */
        ENTITY,
        /** The principal itself: its user, session or federated-user ARN, its service or IdP, or {@code *}. */
        DIRECT
    }

    private final boolean any;
    private final Set<String> accounts;
    private final Set<String> arns;
    private final Set<String> uniqueIds;
    private final Set<String> services;
    private final Set<String> federated;
    private final Set<String> canonicalUsers;

    private PrincipalSpec(boolean any, Set<String> accounts, Set<String> arns, Set<String> uniqueIds,
                          Set<String> services, Set<String> federated, Set<String> canonicalUsers) {
        this.any = any;
        this.accounts = Set.copyOf(accounts);
        this.arns = Set.copyOf(arns);
        this.uniqueIds = Set.copyOf(uniqueIds);
        this.services = Set.copyOf(services);
        this.federated = Set.copyOf(federated);
        this.canonicalUsers = Set.copyOf(canonicalUsers);
    }

    static PrincipalSpec anyone() {
        return new PrincipalSpec(true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** Values already validated by the parser. */
    static PrincipalSpec of(List<String> aws, List<String> service, List<String> fed, List<String> canonical) {
        boolean any = false;
        Set<String> accounts = new HashSet<>();
        Set<String> arns = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (String v : aws) {
            if (v.equals("*")) any = true;
            else if (isAccountId(v)) accounts.add(v);
            else if (v.startsWith("arn:") && v.endsWith(":root") && v.split(":", -1).length == 6) accounts.add(v.split(":")[4]);
            else if (v.startsWith("arn:")) arns.add(v);
            else ids.add(v);
        }
        Set<String> services = new HashSet<>();
        for (String s : service) {
            if (s.equals("*")) any = true;
            else services.add(s.toLowerCase(Locale.ROOT));
        }
        Set<String> federatedSet = new HashSet<>();
        for (String f : fed) {
            if (f.equals("*")) any = true;
            else federatedSet.add(f);
        }
        return new PrincipalSpec(any, accounts, arns, ids, services, federatedSet, new HashSet<>(canonical));
    }

    static boolean isAccountId(String v) {
        if (v.length() != 12) return false;
        for (int i = 0; i < 12; i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return false;
        return true;
    }

    public boolean isAny() { return any; }

    /** For {@code Principal}: how strongly the element names the request principal. */
    public Match match(RequestPrincipal p) {
        if (any) return Match.DIRECT;
        if (p.type() == PrincipalType.AWS_SERVICE) return services.contains(p.arn().toLowerCase(Locale.ROOT)) ? Match.DIRECT : Match.NONE;
        if (p.federatedProvider() != null) return federated.contains(p.federatedProvider()) ? Match.DIRECT : Match.NONE;
        if (p.isExternal()) return Match.NONE;
        if (p.isRoot()) return accounts.contains(p.accountId()) ? Match.DIRECT : Match.NONE;
        if (arns.contains(p.arn()) || (p.type() == PrincipalType.IAM_USER && uniqueIds.contains(p.userId()))) return Match.DIRECT;
        if (p.issuerArn() != null && arns.contains(p.issuerArn())) return Match.ENTITY;
        if (p.type() == PrincipalType.ASSUMED_ROLE && p.userId() != null && uniqueIds.contains(roleId(p.userId()))) return Match.ENTITY;
        if (accounts.contains(p.accountId())) return Match.ACCOUNT;
        if (p.canonicalUserId() != null && canonicalUsers.contains(p.canonicalUserId())) return Match.ACCOUNT;
        return Match.NONE;
    }

    /**
     * For {@code NotPrincipal}: whether the principal is left out. AWS "might validate the account first,
     * then the role, and then the assumed-role user", so a principal is left out only when every identity
     * in its chain (session, role or user, account) is listed — as the NotPrincipal documentation's
     * examples require. Otherwise the statement applies.
     */
    public boolean excludes(RequestPrincipal p) {
        if (any) return true;
        if (p.type() == PrincipalType.AWS_SERVICE) return services.contains(p.arn().toLowerCase(Locale.ROOT));
        if (p.federatedProvider() != null) return federated.contains(p.federatedProvider());
        if (p.isExternal()) return false;
        boolean account = accounts.contains(p.accountId());
        if (p.isRoot()) return account;
        boolean self = arns.contains(p.arn()) || (p.type() == PrincipalType.IAM_USER && uniqueIds.contains(p.userId()));
        if (p.type() == PrincipalType.ASSUMED_ROLE) {
            boolean role = (p.issuerArn() != null && arns.contains(p.issuerArn()))
                    || (p.userId() != null && uniqueIds.contains(roleId(p.userId())));
            return self && role && account;
        }
        return self && account;
    }

    private static String roleId(String userId) {
        int colon = userId.indexOf(':');
        return colon < 0 ? userId : userId.substring(0, colon);
    }

    @Override
    public String toString() {
        return any ? "*" : "{accounts=" + accounts + ", arns=" + arns + ", ids=" + uniqueIds + ", services=" + services
                + ", federated=" + federated + ", canonical=" + canonicalUsers + "}";
    }
}
