package dev.vigil.iam.sts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * STS's {@code PackedPolicySize}: how much of the packed (compressed) space for session policies and session tags
 * a request uses, in percent; above 100 the request fails with PackedPolicyTooLarge. AWS does not document its
 * packing, so this compresses the policy (white space left out, as IAM counts policy size), the policy ARNs and
 * the tags together with DEFLATE against a budget of {@link #BUDGET_BYTES}: an approximation that grows as AWS's
 * does and refuses what is far too large (50 long tags), never a plaintext-valid typical request. Stateless.
 */
final class PackedSize {
    static final int BUDGET_BYTES = 2048;

    private PackedSize() {}

    /** The percentage, or null when the request passes neither session policies nor tags (AWS then omits it). */
    static Integer percent(String inlinePolicy, List<String> policyArns, Map<String, String> tags) {
        if (inlinePolicy == null && policyArns.isEmpty() && tags.isEmpty()) return null;
        StringBuilder plain = new StringBuilder();
        if (inlinePolicy != null) {
            for (int i = 0; i < inlinePolicy.length(); i++) {
                if (!Character.isWhitespace(inlinePolicy.charAt(i))) plain.append(inlinePolicy.charAt(i));
            }
        }
        policyArns.forEach(a -> plain.append('\n').append(a));
        tags.forEach((k, v) -> plain.append('\n').append(k).append('=').append(v));
        int packed = deflatedLength(plain.toString().getBytes(StandardCharsets.UTF_8));
        int percent = (int) Math.ceil(packed * 100.0 / BUDGET_BYTES);
        if (percent > 100) throw StsErrors.packedPolicyTooLarge(percent, what(inlinePolicy, policyArns, tags));
        return percent;
    }

    private static String what(String inlinePolicy, List<String> policyArns, Map<String, String> tags) {
        boolean policies = inlinePolicy != null || !policyArns.isEmpty();
        if (policies && !tags.isEmpty()) return "session policies and session tags";
        return policies ? "session policies" : "session tags";
    }

    private static int deflatedLength(byte[] input) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(input);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1024];
            while (!d.finished()) out.write(buf, 0, d.deflate(buf));
            return out.size();
        } finally {
            d.end();
        }
    }
}
