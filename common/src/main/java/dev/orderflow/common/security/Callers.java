package dev.orderflow.common.security;

import java.security.Principal;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The {@link Caller} of the current request. Read it in an endpoint guarded by {@code @RolesAllowed}: the guard has
 * verified the token by then, so reading it never waits.
 */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller; a request without a verified token is refused (401). */
    public Caller current() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        Principal principal = identity.getPrincipal();
        String subject = principal instanceof JsonWebToken token && token.getSubject() != null ? token.getSubject()
                : principal.getName();
        return new Caller(subject, identity.getRoles());
    }
}
