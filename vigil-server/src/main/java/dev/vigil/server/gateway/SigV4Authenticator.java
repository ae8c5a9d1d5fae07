package dev.vigil.server.gateway;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.Credential;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.sigv4.ParsedSignature;
import dev.vigil.protocol.sigv4.SigV4Parser;
import dev.vigil.protocol.sigv4.SigV4Verifier;
import dev.vigil.protocol.sigv4.SignableRequest;
import java.time.Clock;
import java.time.Instant;

/**
 * Establishes the Caller (DESIGN §1, §3): parses the SigV4 signature, resolves the key, and verifies
 * time, scope and signature (in full for keys Vigil issued and in strict mode; structurally otherwise).
 * Errors are worded for the request's protocol. Thread-safe.
 */
final class SigV4Authenticator implements Stage {
    private final Authentication authentication;
    private final Clock clock;

    SigV4Authenticator(Authentication authentication, Clock clock) {
        this.authentication = authentication;
        this.clock = clock;
    }

    static SignableRequest signable(WireRequest r, byte[] body) {
        return SignableRequest.of(r.method(), r.rawPath(), r.rawQuery(), r.headers(), body);
    }

    @Override
    public void apply(Exchange x) {
        try {
            authenticate(x);
        } catch (AwsException e) {
            throw AuthErrors.forProtocol(e, x.protocol);
        }
        x.context = new RequestContext(x.requestId, x.receivedAt, x.region, x.caller, x.request.sourceIp(),
                x.request.header("user-agent"), x.service.signingName(), x.operationName, x.request.header("host"));
    }

    /**
     * For a request that failed before authentication (unknown service or operation): establishes the
     * caller if the signature holds, so the failure can still be audited. Never throws.
     */
    void identifyForAudit(Exchange x) {
        try {
            SignableRequest request = signable(x.request, x.signedBody != null ? x.signedBody : x.request.body());
            if (!SigV4Parser.hasSignature(request)) return;
            ParsedSignature sig = SigV4Parser.parse(request);
            Authentication.Resolution resolved = authentication.resolve(sig.accessKeyId());
            if (resolved.verify()) {
                SigV4Verifier.verify(request, sig, resolved.credential().secretAccessKey(), clock.instant());
            }
            x.caller = resolved.credential().caller();
        } catch (RuntimeException e) {
            // unattributable (or the credential store is unreachable): only logged
        }
    }

    private void authenticate(Exchange x) {
        SignableRequest request = signable(x.request, x.signedBody != null ? x.signedBody : x.request.body());
        if (!x.operation.signed() && !SigV4Parser.hasSignature(request)) {
            // Unsigned operations (AssumeRoleWithWebIdentity, ...) act for the account their input names.
            x.caller = new Caller(authentication.defaultAccount(), null, PrincipalType.ANONYMOUS, null, null,
                    null, null, null, false);
            return;
        }
        ParsedSignature sig = SigV4Parser.parse(request);
        Authentication.Resolution resolved = authentication.resolve(sig.accessKeyId());
        Credential cred = resolved.credential();
        x.caller = cred.caller();
        Instant now = clock.instant();
        SigV4Verifier.ScopeRules rules = SigV4Verifier.ScopeRules.forService(x.service.signingName());
        if (!resolved.verify()) {
            SigV4Verifier.checkScope(sig, rules);
            if (!x.service.global()) x.region = sig.region();
            return;
        }
        SigV4Verifier.verify(request, sig, cred.secretAccessKey(), now, rules);
        if (!x.service.global()) x.region = sig.region(); // the signed region, not a header routed on earlier
        if (!cred.active()) throw AuthErrors.invalidClientTokenId();
        if (cred.sessionToken() != null && !cred.sessionToken().equals(sig.securityToken())) {
            throw AuthErrors.invalidClientTokenId();
        }
        if (cred.expiration() != null && now.isAfter(cred.expiration())) throw AuthErrors.expiredToken();
    }
}
