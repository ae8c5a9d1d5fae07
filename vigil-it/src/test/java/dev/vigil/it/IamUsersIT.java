package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.testkit.VigilTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
class IamUsersIT {
    static VigilTestServer vigil;
    static IamClient iam;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        iam = vigil.client(IamClient.builder());
    }

    @AfterAll
    static void stop() {
        if (iam != null) iam.close();
        if (vigil != null) vigil.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void userLifecycle() {
        String name = unique("user");
        User u = iam.createUser(r -> r.userName(name).path("/engineering/")
                .tags(Tag.builder().key("team").value("core").build())).user();
        assertThat(u.userName()).isEqualTo(name);
        assertThat(u.path()).isEqualTo("/engineering/");
        assertThat(u.userId()).startsWith("AIDA").hasSize(20);
        assertThat(u.arn()).isEqualTo("arn:aws:iam::000000000000:user/engineering/" + name);
        assertThat(u.createDate()).isNotNull();
        assertThat(u.tags()).containsExactly(Tag.builder().key("team").value("core").build());

        User got = iam.getUser(r -> r.userName(name.toUpperCase())).user();
        assertThat(got.userId()).isEqualTo(u.userId());
        assertThat(got.tags()).hasSize(1);

        iam.tagUser(r -> r.userName(name).tags(Tag.builder().key("env").value("dev").build(),
                Tag.builder().key("TEAM").value("platform").build()));
        assertThat(iam.listUserTags(r -> r.userName(name)).tags()).containsExactly(
                Tag.builder().key("env").value("dev").build(), Tag.builder().key("TEAM").value("platform").build());
        iam.untagUser(r -> r.userName(name).tagKeys("env", "absent"));
        assertThat(iam.listUserTags(r -> r.userName(name)).tags()).extracting(Tag::key).containsExactly("TEAM");

        String renamed = name + "-renamed";
        iam.updateUser(r -> r.userName(name).newUserName(renamed).newPath("/ops/"));
        assertThat(iam.getUser(r -> r.userName(renamed)).user().arn())
                .isEqualTo("arn:aws:iam::000000000000:user/ops/" + renamed);
        NoSuchEntityException gone = catchThrowableOfType(NoSuchEntityException.class,
                () -> iam.getUser(r -> r.userName(name)));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("The user with name " + name + " cannot be found.");
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
        assertThat(gone.statusCode()).isEqualTo(404);

        iam.deleteUser(r -> r.userName(renamed));
        assertThat(catchThrowableOfType(NoSuchEntityException.class, () -> iam.deleteUser(r -> r.userName(renamed))))
                .isNotNull();
    }

    @Test
    void duplicateNamesInAnyCaseAreRefused() {
        String name = unique("dup");
        iam.createUser(r -> r.userName(name));
        EntityAlreadyExistsException e = catchThrowableOfType(EntityAlreadyExistsException.class,
                () -> iam.createUser(r -> r.userName(name.toUpperCase())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User with name " + name.toUpperCase() + " already exists.");
        assertThat(e.statusCode()).isEqualTo(409);
        iam.deleteUser(r -> r.userName(name));
    }

    @Test
    void invalidInputIsAValidationError() {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                () -> iam.createUser(r -> r.userName("has space")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'has space' at"
                + " 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        AwsServiceException path = catchThrowableOfType(AwsServiceException.class,
                () -> iam.createUser(r -> r.userName(unique("p")).path("no-slashes")));
        assertThat(path.awsErrorDetails().errorMessage()).contains("at 'path' failed to satisfy constraint")
                .contains("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        AwsServiceException max = catchThrowableOfType(AwsServiceException.class, () -> iam.listUsers(r -> r.maxItems(0)));
        assertThat(max.awsErrorDetails().errorMessage())
                .contains("at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
        AwsServiceException tooLong = catchThrowableOfType(AwsServiceException.class,
                () -> iam.createUser(r -> r.userName("x".repeat(65))));
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
            iam.createUser(r -> r.userName(n).path(path));
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListUsersResponse page = iam.listUsers(r -> r.pathPrefix(path).maxItems(2).marker(m));
            page.users().forEach(u -> seen.add(u.userName()));
            assertThat(page.users()).allSatisfy(u -> assertThat(u.tags()).isEmpty());
            marker = page.isTruncated() ? page.marker() : null;
            if (page.isTruncated()) assertThat(page.marker()).isNotBlank();
            pages++;
        } while (marker != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(names);
        // The SDK paginator walks the same pages.
        assertThat(iam.listUsersPaginator(r -> r.pathPrefix(path).maxItems(2)).users()).hasSize(5);
        names.forEach(n -> iam.deleteUser(r -> r.userName(n)));
    }

    @Test
    void getUserWithoutANameIsTheCaller() {
        User root = iam.getUser().user();
        assertThat(root.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(root.userId()).isEqualTo("000000000000");
        assertThat(root.userName()).isNull();
        assertThat(root.createDate()).isNotNull();
    }

    @Test
    void groupsAndMembership() {
        String group = unique("devs");
        String alice = unique("alice");
        String bob = unique("bob");
        Group g = iam.createGroup(r -> r.groupName(group).path("/teams/")).group();
        assertThat(g.groupId()).startsWith("AGPA");
        assertThat(g.arn()).isEqualTo("arn:aws:iam::000000000000:group/teams/" + group);
        iam.createUser(r -> r.userName(alice));
        iam.createUser(r -> r.userName(bob));
        iam.addUserToGroup(r -> r.groupName(group).userName(alice));
        iam.addUserToGroup(r -> r.groupName(group).userName(bob));
        iam.addUserToGroup(r -> r.groupName(group).userName(bob)); // twice is fine

        GetGroupResponse got = iam.getGroup(r -> r.groupName(group));
        assertThat(got.group().groupName()).isEqualTo(group);
        assertThat(got.users()).extracting(User::userName).containsExactly(alice, bob);
        GetGroupResponse firstPage = iam.getGroup(r -> r.groupName(group).maxItems(1));
        assertThat(firstPage.isTruncated()).isTrue();
        assertThat(iam.getGroup(r -> r.groupName(group).marker(firstPage.marker())).users()).extracting(User::userName)
                .containsExactly(bob);
        assertThat(iam.listGroupsForUser(r -> r.userName(alice)).groups()).extracting(Group::groupName)
                .containsExactly(group);
        assertThat(iam.listGroups(r -> r.pathPrefix("/teams/")).groups()).extracting(Group::groupName).contains(group);

        DeleteConflictException busy = catchThrowableOfType(DeleteConflictException.class,
                () -> iam.deleteGroup(r -> r.groupName(group)));
        assertThat(busy.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete entity, must remove users from group first.");
        DeleteConflictException member = catchThrowableOfType(DeleteConflictException.class,
                () -> iam.deleteUser(r -> r.userName(alice)));
        assertThat(member.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete entity, must remove users from group first.");

        String renamed = group + "-x";
        iam.updateGroup(r -> r.groupName(group).newGroupName(renamed));
        assertThat(iam.listGroupsForUser(r -> r.userName(bob)).groups()).extracting(Group::groupName)
                .containsExactly(renamed);
        iam.removeUserFromGroup(r -> r.groupName(renamed).userName(alice));
        iam.removeUserFromGroup(r -> r.groupName(renamed).userName(bob));
        iam.deleteGroup(r -> r.groupName(renamed));
        NoSuchEntityException noGroup = catchThrowableOfType(NoSuchEntityException.class,
                () -> iam.getGroup(r -> r.groupName(renamed)));
        assertThat(noGroup.awsErrorDetails().errorMessage()).isEqualTo("The group with name " + renamed + " cannot be found.");
        iam.deleteUser(r -> r.userName(alice));
        iam.deleteUser(r -> r.userName(bob));
    }

    @Test
    void accountAliasAndSummary() {
        iam.createAccountAlias(r -> r.accountAlias("vigil-test-account"));
        assertThat(iam.listAccountAliases().accountAliases()).containsExactly("vigil-test-account");
        iam.createAccountAlias(r -> r.accountAlias("vigil-renamed"));
        assertThat(iam.listAccountAliases().accountAliases()).containsExactly("vigil-renamed");
        try (IamClient other = vigil.client(IamClient.builder(), "111122223333", "x")) {
            EntityAlreadyExistsException taken = catchThrowableOfType(EntityAlreadyExistsException.class,
                    () -> other.createAccountAlias(r -> r.accountAlias("vigil-renamed")));
            assertThat(taken.statusCode()).isEqualTo(409);
        }
        AwsServiceException bad = catchThrowableOfType(AwsServiceException.class,
                () -> iam.createAccountAlias(r -> r.accountAlias("Bad--Alias")));
        assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        iam.deleteAccountAlias(r -> r.accountAlias("vigil-renamed"));
        assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
        assertThat(catchThrowableOfType(NoSuchEntityException.class,
                () -> iam.deleteAccountAlias(r -> r.accountAlias("vigil-renamed")))).isNotNull();

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
            assertThat(catchThrowableOfType(NoSuchEntityException.class, () -> iam.getUser(r -> r.userName("one"))))
                    .isNotNull();
        }
    }
}
