package dev.orderflow.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.orderflow.tools.auth.SigningKeys;
import dev.orderflow.tools.auth.Tokens;

/**
 * The commands about tokens: {@code token} mints them, {@code keys} makes the key pair they are signed with. The other
 * commands that mint a token ({@code check}, {@code bench}) find their key here too ({@link #signer}), so that every
 * command takes {@code --key} the same way and says the same when the key is missing.
 */
final class TokenCommand {

    private TokenCommand() {
    }

    static int token(String[] args) throws Options.UsageException, Options.HelpRequested {
        Options options = Options.parse(args, 1, Set.of("--role", "--subject", "--ttl", "--key", "--issuer"));
        String roleName = options.text("--role").orElseThrow(() -> new Options.UsageException("--role must be given"));
        Tokens.Role role;
        try {
            role = Tokens.Role.of(roleName);
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException("--role takes customer, operator or carrier, not '" + roleName + "'");
        }
        List<String> subjects = options.all("--subject");
        if (subjects.isEmpty()) {
            if (role == Tokens.Role.CUSTOMER) {
                throw new Options.UsageException("a customer's token needs --subject, the customerId it orders for");
            }
            subjects = List.of(role.claim());
        }
        if (subjects.stream().anyMatch(String::isBlank)) {
            throw new Options.UsageException("--subject takes a name, not blank");
        }
        Duration ttl = options.ttl("--ttl", Tokens.DEFAULT_TTL);
        Tokens tokens = signer(options, options.text("--issuer").orElse(Tokens.LOCAL_ISSUER));
        StringBuilder out = new StringBuilder();
        subjects.forEach(subject -> out.append(tokens.mint(role, subject, ttl)).append('\n'));
        System.out.print(out);
        return 0;
    }

    static int keys(String[] args) throws Options.UsageException, Options.HelpRequested {
        Options options = Options.parse(args, 1, Set.of("--dir"));
        Path directory = Path.of(options.text("--dir").orElseThrow(() -> new Options.UsageException("--dir must be given")));
        boolean made = SigningKeys.ensure(directory);
        System.out.println((made ? "made " : "kept ") + directory.resolve(SigningKeys.PRIVATE_KEY) + " and "
                + directory.resolve(SigningKeys.PUBLIC_KEY));
        return 0;
    }

    /** Signs with {@code --key}, else with the local run's private key; a missing key stops the command, with why. */
    static Tokens signer(Options options, String issuer) throws Options.UsageException {
        return signer(options, issuer, SigningKeys.defaultPrivateKey(System.getenv()));
    }

    static Tokens signer(Options options, String issuer, Path otherwise) throws Options.UsageException {
        Path key = options.text("--key").map(Path::of).orElse(otherwise);
        if (!Files.isRegularFile(key)) {
            throw new Options.UsageException("no private key at " + key.toAbsolutePath() + ": start the local run"
                    + " (deploy/local/start.sh makes it), or name one with --key");
        }
        return Tokens.signedWith(key, issuer);
    }
}
