package dev.tidewire.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/**
 * Added to {@link UsersIT}'s deployment only: Jakarta Security's HTTP Basic mechanism over an identity store of two
 * test users. Nothing is protected, so an anonymous request passes; a request with valid credentials carries their
 * principal ({@code getUserPrincipal()}).
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "tidewire-it")
public class BasicAuthUsers implements IdentityStore {
    static final Map<String, String> PASSWORDS = Map.of("alice", "alice-secret", "bob", "bob-secret");

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login
                && login.getPasswordAsString().equals(PASSWORDS.get(login.getCaller()))) {
            return new CredentialValidationResult(login.getCaller(), Set.of("user"));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
