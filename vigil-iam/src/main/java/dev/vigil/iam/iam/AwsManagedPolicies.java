package dev.vigil.iam.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies Vigil ships (resources under {@code iam/managed-policies/}): the same in every account,
 * never stored, attachable everywhere. Only their default version is shipped. Immutable once loaded; thread-safe.
 */
public final class AwsManagedPolicies {
    static final String LOCATION = "iam/managed-policies/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A shipped policy and its default version. */
    public record Entry(ManagedPolicy policy, PolicyVersion version) {}

    private final Map<String, Entry> byArn;

    private AwsManagedPolicies(Map<String, Entry> byArn) { this.byArn = byArn; }

    /** Loads the shipped set from the classpath. */
    public static AwsManagedPolicies load() {
        Map<String, Entry> byArn = new LinkedHashMap<>();
        for (String name : index()) {
            Entry e = read(name);
            byArn.put(e.policy().arn(), e);
        }
        return new AwsManagedPolicies(Map.copyOf(byArn));
    }

    public Optional<Entry> find(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    /** Every shipped policy, by name. */
    public List<Entry> all() {
        List<Entry> out = new ArrayList<>(byArn.values());
        out.sort(Comparator.comparing(e -> IamNames.key(e.policy().policyName())));
        return out;
    }

    /** True for ARNs in AWS's namespace ({@code arn:aws:iam::aws:policy/...}), shipped or not. */
    public static boolean isAwsArn(String arn) {
        return arn.startsWith("arn:aws:iam::aws:policy/");
    }

    private static List<String> index() {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open("index.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) names.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static Entry read(String name) {
        try (InputStream in = open(name + ".json")) {
            JsonNode n = JSON.readTree(in);
            String path = n.path("Path").asText("/");
            String arn = IamNames.arn(IamNames.AWS_ACCOUNT, EntityKind.POLICY, path, name);
            String versionId = n.path("DefaultVersionId").asText();
            Instant updated = Instant.parse(n.path("UpdateDate").asText());
            ManagedPolicy policy = new ManagedPolicy(arn, n.path("PolicyId").asText(), name, path,
                    n.hasNonNull("Description") ? n.get("Description").asText() : null, versionId,
                    Instant.parse(n.path("CreateDate").asText()), updated, true);
            // The default version was published when the policy last changed, so its date is the UpdateDate.
            return new Entry(policy, new PolicyVersion(versionId, JSON.writeValueAsString(n.get("Document")), updated));
        } catch (IOException e) {
            throw new UncheckedIOException("reading AWS managed policy " + name, e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = AwsManagedPolicies.class.getClassLoader().getResourceAsStream(LOCATION + file);
        if (in == null) throw new IllegalStateException("missing resource " + LOCATION + file);
        return in;
    }
}
