package dev.vigil.protocol.sigv4;

import dev.vigil.core.AwsException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Verifies a parsed SigV4 signature: request time, credential scope, then the signature itself,
 * the order in which AWS reports them. Every failure is an {@link AwsException} with AWS's code
 * and text; time failures are the subtypes {@link ClockSkewException} and
 * {@link PresignedExpiredException} so the server can answer in each protocol's own words.
 * Stateless; thread-safe.
 */
public final class SigV4Verifier {
    /** How far a request's time may be from the server's clock, either way. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * What the credential scope must say.
     *
     * @param service     the signing name the target service expects, or null to accept any
     * @param validRegion which scope regions the server serves
     */
    public record ScopeRules(String service, Predicate<String> validRegion) {
        /** Any service, any syntactically plausible region. */
        public static final ScopeRules ANY = new ScopeRules(null, r -> r.length() <= 32 && REGION.matcher(r).matches());

        public ScopeRules {
            Objects.requireNonNull(validRegion, "validRegion");
        }

        public static ScopeRules forService(String service) {
            return new ScopeRules(service, ANY.validRegion());
        }
    }

    private SigV4Verifier() {}

    /** Time, scope (any service) and signature. */
    public static void verify(SignableRequest request, ParsedSignature sig, String secretAccessKey, Instant now) {
        verify(request, sig, secretAccessKey, now, ScopeRules.ANY);
    }

    public static void verify(SignableRequest request, ParsedSignature sig, String secretAccessKey, Instant now,
                              ScopeRules rules) {
        checkTime(sig, now);
        checkScope(sig, rules);
        checkSignature(request, sig, secretAccessKey);
    }

    /**
     * Requests must be within 15 minutes of {@code now}. A presigned URL instead lives until
     * {@code X-Amz-Date + X-Amz-Expires}; outside S3 that applies only when it exceeds 15 minutes,
     * because AWS's other services (STS among them) keep the 15-minute window regardless.
     */
    public static void checkTime(ParsedSignature sig, Instant now) {
        Instant t = sig.requestTime();
        Instant server = now.truncatedTo(ChronoUnit.SECONDS);
        Integer expires = sig.expiresSeconds();
        if (sig.presigned() && expires != null && (sig.s3() || expires > MAX_SKEW.toSeconds())) {
            if (t.isAfter(server.plus(MAX_SKEW))) {
                if (sig.s3()) throw new AwsException("AccessDenied", 403, SigV4Errors.REQUEST_NOT_YET_VALID);
                throw SigV4Errors.notYetCurrent(t, server);
            }
            Instant expiresAt = t.plusSeconds(expires);
            if (server.isAfter(expiresAt)) throw new PresignedExpiredException(expires, expiresAt, server);
            return;
        }
        if (t.isBefore(server.minus(MAX_SKEW))) throw SigV4Errors.expired(t, server);
        if (t.isAfter(server.plus(MAX_SKEW))) throw SigV4Errors.notYetCurrent(t, server);
    }

    /** Region, service, terminator and date of the scope; AWS reports all that are wrong at once. */
    public static void checkScope(ParsedSignature sig, ScopeRules rules) {
        StringBuilder problems = new StringBuilder();
        if (!rules.validRegion().test(sig.region())) problems.append(SigV4Errors.wrongRegion());
        if (rules.service() != null && !rules.service().equals(sig.service())) {
            problems.append(SigV4Errors.wrongService(rules.service()));
        }
        if (!ParsedSignature.TERMINATOR.equals(sig.terminator())) {
            problems.append(SigV4Errors.wrongTerminator(sig.terminator()));
        }
        if (!sig.amzDate().startsWith(sig.date()) || sig.date().length() != 8) {
            problems.append(SigV4Errors.wrongDate(sig.date(), sig.amzDate()));
        }
        if (problems.length() > 0) throw SigV4Errors.doesNotMatch(problems.toString());
    }

    /** Recomputes the signature with {@code secretAccessKey}; on mismatch shows what was expected, as AWS does. */
    public static void checkSignature(SignableRequest request, ParsedSignature sig, String secretAccessKey) {
        byte[] key = SigV4Crypto.signingKey(secretAccessKey, sig.date(), sig.region(), sig.service());
        List<String> candidates = SigV4Canonicalizer.canonicalRequests(request, sig);
        for (String canonical : candidates) {
            String stringToSign = SigV4Canonicalizer.stringToSign(sig.amzDate(), sig.credentialScope(), canonical);
            if (SigV4Crypto.sameSignature(SigV4Crypto.signature(key, stringToSign), sig.signature())) return;
        }
        String canonical = candidates.get(0);
        throw SigV4Errors.mismatch(canonical,
                SigV4Canonicalizer.stringToSign(sig.amzDate(), sig.credentialScope(), canonical));
    }
}
