package dev.vigil.iam.organizations;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ServiceDescriptor;

/**
 * Organizations' errors: the awsJson1_1 shape names of the API reference, and the messages AWS writes (its "Errors"
 * sections and the exception descriptions). {@code ConstraintViolationException}, {@code InvalidInputException} and
 * {@code HandshakeConstraintViolationException} carry their {@code Reason}. Stateless.
 */
final class OrgErrors {
    static final String CONSTRAINT = "ConstraintViolationException";
    static final String HANDSHAKE_CONSTRAINT = "HandshakeConstraintViolationException";
    static final String INVALID_INPUT = "InvalidInputException";
    static final String MALFORMED_POLICY = "MalformedPolicyDocumentException";

    private OrgErrors() {}

    private static final String[] SHAPES = {
        "AccessDeniedException", "AccessDeniedForDependencyException", "AccountAlreadyClosedException",
        "AccountAlreadyRegisteredException", "AccountNotFoundException", "AccountNotRegisteredException",
        "AccountOwnerNotVerifiedException", "AlreadyInOrganizationException", "AWSOrganizationsNotInUseException",
        "ChildNotFoundException", "ConcurrentModificationException", "ConflictException", CONSTRAINT,
        "CreateAccountStatusNotFoundException", "DestinationParentNotFoundException", "DuplicateAccountException",
        "DuplicateHandshakeException", "DuplicateOrganizationalUnitException", "DuplicatePolicyAttachmentException",
        "DuplicatePolicyException", "EffectivePolicyNotFoundException", "FinalizingOrganizationException",
        "HandshakeAlreadyInStateException", HANDSHAKE_CONSTRAINT, "HandshakeNotFoundException",
        "InvalidHandshakeTransitionException", INVALID_INPUT, MALFORMED_POLICY, "MasterCannotLeaveOrganizationException",
        "OrganizationNotEmptyException", "OrganizationalUnitNotEmptyException", "OrganizationalUnitNotFoundException",
        "ParentNotFoundException", "PolicyChangesInProgressException", "PolicyInUseException",
        "PolicyNotAttachedException", "PolicyNotFoundException", "PolicyTypeAlreadyEnabledException",
        "PolicyTypeNotAvailableForOrganizationException", "PolicyTypeNotEnabledException", "RootNotFoundException",
        "SourceParentNotFoundException", "TargetNotFoundException", "UnsupportedAPIEndpointException"};

    /** Organizations answers every client error with HTTP 400 (throttling 429, its own failures 500). */
    static ServiceDescriptor.Builder declare(ServiceDescriptor.Builder b) {
        for (String shape : SHAPES) b.error(shape, 400);
        return b.error("TooManyRequestsException", 429).error("ServiceException", 500);
    }

    static AwsException of(String shape, String message) { return new AwsException(shape, 400, message); }

    static AwsException notInUse() {
        return of("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
    }

    static AwsException accessDenied() {
        return of("AccessDeniedException", "You don't have permissions to access this resource.");
    }

    static AwsException alreadyInOrganization() {
        return of("AlreadyInOrganizationException", "The AWS account is already a member of an organization.");
    }

    static AwsException organizationNotEmpty() {
        return of("OrganizationNotEmptyException",
                "To delete an organization you must first remove all member accounts (except the management account).");
    }

    static AwsException managementCannotLeave() {
        return of("MasterCannotLeaveOrganizationException", "You can't remove the management account from an"
                + " organization. If you want the management account to become a member account in another"
                + " organization, you must first delete the current organization of the management account.");
    }

    static AwsException accountNotFound() { return of("AccountNotFoundException", "You specified an account that doesn't exist."); }

    static AwsException ouNotFound() {
        return of("OrganizationalUnitNotFoundException", "You specified an organizational unit that doesn't exist.");
    }

    static AwsException parentNotFound() { return of("ParentNotFoundException", "You specified a parent that doesn't exist."); }

    static AwsException childNotFound() {
        return of("ChildNotFoundException",
                "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.");
    }

    static AwsException rootNotFound() { return of("RootNotFoundException", "We can't find a root with the RootId that you specified."); }

    static AwsException sourceParentNotFound() {
        return of("SourceParentNotFoundException", "We can't find a source root or OU with the ParentId that you specified.");
    }

    static AwsException destinationParentNotFound() {
        return of("DestinationParentNotFoundException",
                "We can't find the destination container (a root or OU) with the ParentId that you specified.");
    }

    static AwsException duplicateAccount() {
        return of("DuplicateAccountException", "That account is already present in the specified destination.");
    }

    static AwsException policyNotFound() {
        return of("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.");
    }

    static AwsException targetNotFound() {
        return of("TargetNotFoundException", "We can't find a root, OU, account, or email address that you specified.");
    }

    static AwsException duplicateAttachment() {
        return of("DuplicatePolicyAttachmentException", "The selected policy is already attached to the specified target.");
    }

    static AwsException notAttached() {
        return of("PolicyNotAttachedException", "The policy isn't attached to the specified target in the specified root.");
    }

    static AwsException policyInUse() {
        return of("PolicyInUseException", "The policy is attached to one or more entities. You must detach it from all"
                + " roots, OUs, and accounts before performing this operation.");
    }

    static AwsException duplicatePolicy() { return of("DuplicatePolicyException", "A policy with the same name already exists."); }

    static AwsException duplicateOu() {
        return of("DuplicateOrganizationalUnitException", "An OU with the same name already exists.");
    }

    static AwsException ouNotEmpty() {
        return of("OrganizationalUnitNotEmptyException", "The specified OU is not empty. Move all accounts to another"
                + " root or to other OUs, remove all child OUs, and try the operation again.");
    }

    static AwsException policyTypeAlreadyEnabled() {
        return of("PolicyTypeAlreadyEnabledException", "The specified policy type is already enabled.");
    }

    static AwsException policyTypeNotEnabled() {
        return of("PolicyTypeNotEnabledException", "The specified policy type isn't currently enabled in this root."
                + " You can't attach policies of the specified type to entities in a root until you enable that type"
                + " in the root.");
    }

    static AwsException policyTypeNotAvailable() {
        return of("PolicyTypeNotAvailableForOrganizationException", "You can't use a policy type that isn't available"
                + " in the organization's feature set. Enable all features to use this policy type.");
    }

    static AwsException handshakeNotFound() {
        return of("HandshakeNotFoundException", "We can't find a handshake with the HandshakeId that you specified.");
    }

    static AwsException invalidTransition() {
        return of("InvalidHandshakeTransitionException",
                "You can't perform the operation on the handshake in its current state.");
    }

    static AwsException alreadyInState(String state) {
        return of("HandshakeAlreadyInStateException", "The specified handshake is already in the requested state: "
                + state + ".");
    }

    static AwsException duplicateHandshake() {
        return of("DuplicateHandshakeException", "A handshake with the same action and target already exists.");
    }

    static AwsException createStatusNotFound() {
        return of("CreateAccountStatusNotFoundException",
                "We can't find an create account request with the CreateAccountRequestId that you specified.");
    }

    static AwsException accountAlreadyClosed() {
        return of("AccountAlreadyClosedException", "You attempted to close an account that is already closed.");
    }

    static AwsException alreadyRegistered() {
        return of("AccountAlreadyRegisteredException",
                "The provided account is already a delegated administrator for your organization.");
    }

    static AwsException notRegistered() {
        return of("AccountNotRegisteredException",
                "The provided account is not a registered delegated administrator for your organization.");
    }

    static AwsException effectivePolicyNotFound() {
        return of("EffectivePolicyNotFoundException",
                "We can't find an effective policy of the specified type for the specified target.");
    }

    static AwsException constraint(String reason, String message) {
        return of(CONSTRAINT, message).with("Reason", reason);
    }

    static AwsException handshakeConstraint(String reason, String message) {
        return of(HANDSHAKE_CONSTRAINT, message).with("Reason", reason);
    }

    static AwsException invalidInput(String reason, String message) {
        return of(INVALID_INPUT, message).with("Reason", reason);
    }

    static AwsException malformedPolicy(String message) { return of(MALFORMED_POLICY, message); }
}
