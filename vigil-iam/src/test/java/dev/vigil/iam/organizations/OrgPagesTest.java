package dev.vigil.iam.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NextToken paging, and the tokens a client cannot have been given. */
class OrgPagesTest {
    final List<Integer> items = List.of(1, 2, 3, 4, 5);

    @Test
    void pagesFollowTheirTokensToTheEnd() {
        Pages.Page<Integer> first = Pages.of(items, null, 2);
        assertThat(first.items()).containsExactly(1, 2);
        Pages.Page<Integer> second = Pages.of(items, first.nextToken(), 2);
        assertThat(second.items()).containsExactly(3, 4);
        Pages.Page<Integer> last = Pages.of(items, second.nextToken(), 2);
        assertThat(last.items()).containsExactly(5);
        assertThat(last.nextToken()).isNull();
        assertThat(Pages.of(items, null, null).items()).hasSize(5);
    }

    @Test
    void foreignTokensAndOutOfRangeLimitsAreInvalidInput() {
        for (String token : List.of("garbage!", encode("o:-5"), encode("o:99"), encode("x:1"), encode("o:zz"))) {
            AwsException e = catchThrowableOfType(() -> Pages.of(items, token, 2), AwsException.class);
            assertThat(e.code()).as(token).isEqualTo("InvalidInputException");
            assertThat(e.members()).containsEntry("Reason", "INVALID_NEXT_TOKEN");
        }
        assertThat(catchThrowableOfType(() -> Pages.of(items, null, 21), AwsException.class).members())
                .containsEntry("Reason", "MAX_VALUE_EXCEEDED");
        assertThat(catchThrowableOfType(() -> Pages.of(items, null, 0), AwsException.class).members())
                .containsEntry("Reason", "MIN_VALUE_EXCEEDED");
    }

    static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
