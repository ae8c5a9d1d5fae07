package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** IAM users, groups, tags and the account through SDK v2: shapes, pagination, AWS's errors. */
class IamUsersIT extends IamServerFixture {
    @Test
    void userLifecycle() {
        String name = unique("user");
        User u = root.createUser(r -> r.userName(name).path("/engineering/")
                .tags(Tag.builder().key("team").value("core").build())).user();
        assertThat(u.userName()).isEqualTo(name);
        assertThat(u.path()).isEqualTo("/engineering/");
        assertThat(u.userId()).startsWith("AIDA").hasSize(20);
        assertThat(u.arn()).isEqualTo("arn:aws:iam::000000000000:user/engineering/" + name);
        assertThat(u.createDate()).isNotNull();
        assertThat(u.tags()).containsExactly(Tag.builder().key("team").value("core").build());

        User got = root.getUser(r -> r.userName(name.toUpperCase())).user();
        assertThat(got.userId()).isEqualTo(u.userId());
        assertThat(got.tags()).hasSize(1);

        root.tagUser(r -> r.userName(name).tags(Tag.builder().key("env").value("dev").build(),
                Tag.builder().key("TEAM").value("platform").build()));
        assertThat(root.listUserTags(r -> r.userName(name)).tags()).containsExactly(
                Tag.builder().key("env").value("dev").build(), Tag.builder().key("TEAM").value("platform").build());
        root.untagUser(r -> r.userName(name).tagKeys("env", "absent"));
        assertThat(root.listUserTags(r -> r.userName(name)).tags()).extracting(Tag::key).containsExactly("TEAM");

        String renamed = name + "-renamed";
        root.updateUser(r -> r.userName(name).newUserName(renamed).newPath("/ops/"));
        assertThat(root.getUser(r -> r.userName(renamed)).user().arn())
                .isEqualTo("arn:aws:iam::000000000000:user/ops/" + renamed);
        NoSuchEntityException gone = catchThrowableOfType(NoSuchEntityException.class,
                () -> root.getUser(r -> r.userName(name)));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("The user with name " + name + " cannot be found.");
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
        assertThat(gone.statusCode()).isEqualTo(404);

        root.deleteUser(r -> r.userName(renamed));
        assertThat(catchThrowableOfType(NoSuchEntityException.class, () -> root.deleteUser(r -> r.userName(renamed))))
                .isNotNull();
    }

    @Test
    void duplicateNamesInAnyCaseAreRefused() {
        String name = unique("dup");
        root.createUser(r -> r.userName(name));
        EntityAlreadyExistsException e = catchThrowableOfType(EntityAlreadyExistsException.class,
                () -> root.createUser(r -> r.userName(name.toUpperCase())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User with name " + name.toUpperCase() + " already exists.");
        assertThat(e.statusCode()).isEqualTo(409);
        root.deleteUser(r -> r.userName(name));
    }

    @Test
    void invalidInputIsAValidationError() {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                () -> root.createUser(r -> r.userName("has space")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'has space' at"
                + " 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        AwsServiceException path = catchThrowableOfType(AwsServiceException.class,
                () -> root.createUser(r -> r.userName(unique("p")).path("no-slashes")));
        assertThat(path.awsErrorDetails().errorMessage()).contains("at 'path' failed to satisfy constraint")
                .contains("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        AwsServiceException max = catchThrowableOfType(AwsServiceException.class, () -> root.listUsers(r -> r.maxItems(0)));
        assertThat(max.awsErrorDetails().errorMessage())
                .contains("at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
        AwsServiceException tooLong = catchThrowableOfType(AwsServiceException.class,
                () -> root.createUser(r -> r.userName("x".repeat(65))));
        assertThat(tooLong.awsErrorDetails().errorMessage())
                .contains("Member must have length less than or equal to 64");
    }

    @Test
    void listUsersPagesWithMarkerAndFiltersByPath() {
        String path = "/paging-" + UUID.randomUUID().toString().substring(0, 6) + "/";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String n = "pager-" + i + "-" + UUID.randomUUID().toString().substring(0, 4);
            names.add(n);
            root.createUser(r -> r.userName(n).path(path));
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListUsersResponse page = root.listUsers(r -> r.pathPrefix(path).maxItems(2).marker(m));
            page.users().forEach(u -> seen.add(u.userName()));
            assertThat(page.users()).allSatisfy(u -> assertThat(u.tags()).isEmpty());
            marker = page.isTruncated() ? page.marker() : null;
            if (page.isTruncated()) assertThat(page.marker()).isNotBlank();
            pages++;
        } while (marker != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(names);
        // The SDK paginator walks the same pages.
        assertThat(root.listUsersPaginator(r -> r.pathPrefix(path).maxItems(2)).users()).hasSize(5);
        names.forEach(n -> root.deleteUser(r -> r.userName(n)));
    }

    @Test
    void getUserWithoutANameIsTheCaller() {
        User self = root.getUser().user();
        assertThat(self.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(self.userId()).isEqualTo("000000000000");
        assertThat(self.userName()).isNull();
        assertThat(self.createDate()).isNotNull();
    }

    @Test
    void groupsAndMembership() {
        String group = unique("devs");
        String alice = unique("alice");
        String bob = unique("bob");
        Group g = root.createGroup(r -> r.groupName(group).path("/teams/")).group();
        assertThat(g.groupId()).startsWith("AGPA");
        assertThat(g.arn()).isEqualTo("arn:aws:iam::000000000000:group/teams/" + group);
        root.createUser(r -> r.userName(alice));
        root.createUser(r -> r.userName(bob));
        root.addUserToGroup(r -> r.groupName(group).userName(alice));
        root.addUserToGroup(r -> r.groupName(group).userName(bob));
        root.addUserToGroup(r -> r.groupName(group).userName(bob)); // twice is fine

        GetGroupResponse got = root.getGroup(r -> r.groupName(group));
        assertThat(got.group().groupName()).isEqualTo(group);
        assertThat(got.users()).extracting(User::userName).containsExactly(alice, bob);
        GetGroupResponse firstPage = root.getGroup(r -> r.groupName(group).maxItems(1));
        assertThat(firstPage.isTruncated()).isTrue();
        assertThat(root.getGroup(r -> r.groupName(group).marker(firstPage.marker())).users()).extracting(User::userName)
                .containsExactly(bob);
        assertThat(root.listGroupsForUser(r -> r.userName(alice)).groups()).extracting(Group::groupName)
                .containsExactly(group);
        assertThat(root.listGroups(r -> r.pathPrefix("/teams/")).groups()).extracting(Group::groupName).contains(group);

        DeleteConflictException busy = catchThrowableOfType(DeleteConflictException.class,
                () -> root.deleteGroup(r -> r.groupName(group)));
        assertThat(busy.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete entity, must remove users from group first.");
        DeleteConflictException member = catchThrowableOfType(DeleteConflictException.class,
                () -> root.deleteUser(r -> r.userName(alice)));
        assertThat(member.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete entity, must remove users from group first.");

        String renamed = group + "-x";
        root.updateGroup(r -> r.groupName(group).newGroupName(renamed));
        assertThat(root.listGroupsForUser(r -> r.userName(bob)).groups()).extracting(Group::groupName)
                .containsExactly(renamed);
        root.removeUserFromGroup(r -> r.groupName(renamed).userName(alice));
        root.removeUserFromGroup(r -> r.groupName(renamed).userName(bob));
        root.deleteGroup(r -> r.groupName(renamed));
        NoSuchEntityException noGroup = catchThrowableOfType(NoSuchEntityException.class,
                () -> root.getGroup(r -> r.groupName(renamed)));
        assertThat(noGroup.awsErrorDetails().errorMessage()).isEqualTo("The group with name " + renamed + " cannot be found.");
        root.deleteUser(r -> r.userName(alice));
        root.deleteUser(r -> r.userName(bob));
    }

    @Test
    void accountAliasAndSummary() {
        root.createAccountAlias(r -> r.accountAlias("vigil-test-account"));
        assertThat(root.listAccountAliases().accountAliases()).containsExactly("vigil-test-account");
        root.createAccountAlias(r -> r.accountAlias("vigil-renamed"));
        assertThat(root.listAccountAliases().accountAliases()).containsExactly("vigil-renamed");
        try (IamClient other = vigil.client(IamClient.builder(), "111122223333", "x")) {
            EntityAlreadyExistsException taken = catchThrowableOfType(EntityAlreadyExistsException.class,
                    () -> other.createAccountAlias(r -> r.accountAlias("vigil-renamed")));
            assertThat(taken.statusCode()).isEqualTo(409);
        }
        AwsServiceException bad = catchThrowableOfType(AwsServiceException.class,
                () -> root.createAccountAlias(r -> r.accountAlias("Bad--Alias")));
        assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        root.deleteAccountAlias(r -> r.accountAlias("vigil-renamed"));
        assertThat(root.listAccountAliases().accountAliases()).isEmpty();
        assertThat(catchThrowableOfType(NoSuchEntityException.class,
                () -> root.deleteAccountAlias(r -> r.accountAlias("vigil-renamed")))).isNotNull();

        try (IamClient fresh = vigil.client(IamClient.builder(), "444455556666", "x")) {
            fresh.createUser(r -> r.userName("one"));
            fresh.createUser(r -> r.userName("two"));
            fresh.createGroup(r -> r.groupName("g"));
            var summary = fresh.getAccountSummary().summaryMapAsStrings();
            assertThat(summary).containsEntry("Users", 2).containsEntry("Groups", 1).containsEntry("Roles", 0)
                    .containsEntry("Policies", 0).containsEntry("UsersQuota", 5000).containsEntry("AccessKeysPerUserQuota", 2)
                    .containsEntry("AttachedPoliciesPerUserQuota", 10).containsEntry("VersionsPerPolicyQuota", 5)
                    .containsEntry("AccountAccessKeysPresent", 0);
            // Accounts are separate.
            assertThat(catchThrowableOfType(NoSuchEntityException.class, () -> root.getUser(r -> r.userName("one"))))
                    .isNotNull();
        }
    }
}
