namespace AuthPlatform.Application.Common.Results;

public static partial class Errors
{
    /// <summary>
    /// BetterAuth's organization plugin codes. Where BetterAuth answers one code with several statuses on
    /// different routes, the catalogue keeps one (docs/compatibility.md, "Organizations").
    /// </summary>
    public static class Organizations
    {
        public static readonly Error NotAllowedToCreate =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION", "You are not allowed to create a new organization");

        public static readonly Error OrganizationLimitReached =
            new(ErrorKind.Forbidden, "YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS", "You have reached the maximum number of organizations");

        public static readonly Error AlreadyExists =
            new(ErrorKind.Validation, "ORGANIZATION_ALREADY_EXISTS", "Organization already exists");

        public static readonly Error SlugTaken =
            new(ErrorKind.Validation, "ORGANIZATION_SLUG_ALREADY_TAKEN", "Organization slug already taken");

        public static readonly Error NotFound =
            new(ErrorKind.Validation, "ORGANIZATION_NOT_FOUND", "Organization not found");

        public static readonly Error NoActiveOrganization =
            new(ErrorKind.Validation, "NO_ACTIVE_ORGANIZATION", "No active organization");

        /// <summary>BetterAuth: 400 on update/delete, 403 on set-active and the reads, 401 on has-permission; here always 403.</summary>
        public static readonly Error UserNotMember =
            new(ErrorKind.Forbidden, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION", "User is not a member of the organization");

        public static readonly Error NotAMember =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION", "You are not a member of this organization");

        public static readonly Error MemberNotFound =
            new(ErrorKind.Validation, "MEMBER_NOT_FOUND", "Member not found");

        public static readonly Error NotAllowedToUpdate =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION", "You are not allowed to update this organization");

        public static readonly Error NotAllowedToDelete =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION", "You are not allowed to delete this organization");

        public static readonly Error DeletionDisabled =
            new(ErrorKind.NotFound, "ORGANIZATION_DELETION_DISABLED", "Organization deletion is disabled");

        public static readonly Error NotAllowedToUpdateMember =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER", "You are not allowed to update this member");

        /// <summary>BetterAuth answers 401 here, not 403.</summary>
        public static readonly Error NotAllowedToDeleteMember =
            new(ErrorKind.Unauthorized, "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER", "You are not allowed to delete this member");

        public static readonly Error OnlyOwnerCannotLeave =
            new(ErrorKind.Validation, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER", "You cannot leave the organization as the only owner");

        public static readonly Error CannotLeaveWithoutOwner =
            new(ErrorKind.Validation, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER", "You cannot leave the organization without an owner");

        public static readonly Error RoleNotFound =
            new(ErrorKind.Validation, "ROLE_NOT_FOUND", "Role not found");

        public static readonly Error NotAllowedToInvite =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION", "You are not allowed to invite users to this organization");

        public static readonly Error NotAllowedToInviteWithRole =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE", "You are not allowed to invite user with this role");

        public static readonly Error AlreadyMember =
            new(ErrorKind.Validation, "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION", "User is already a member of this organization");

        public static readonly Error AlreadyInvited =
            new(ErrorKind.Validation, "USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION", "User is already invited to this organization");

        public static readonly Error InvitationLimitReached =
            new(ErrorKind.Forbidden, "INVITATION_LIMIT_REACHED", "Invitation limit reached");

        public static readonly Error InvitationNotFound =
            new(ErrorKind.Validation, "INVITATION_NOT_FOUND", "Invitation not found");

        public static readonly Error NotRecipient =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION", "You are not the recipient of the invitation");

        public static readonly Error VerificationRequiredToAnswer =
            new(ErrorKind.Forbidden, "EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION", "Email verification required before accepting or rejecting invitation");

        public static readonly Error VerificationRequiredToSee =
            new(ErrorKind.Forbidden, "EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION", "Email verification required for invitation");

        public static readonly Error MembershipLimitReached =
            new(ErrorKind.Forbidden, "ORGANIZATION_MEMBERSHIP_LIMIT_REACHED", "Organization membership limit reached");

        public static readonly Error NotAllowedToCancelInvitation =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION", "You are not allowed to cancel this invitation");

        public static readonly Error NotAllowedToListInvitations =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS", "You are not allowed to list invitations");

        public static readonly Error InviterNoLongerMember =
            new(ErrorKind.Validation, "INVITER_IS_NO_LONGER_A_MEMBER_OF_THE_ORGANIZATION", "Inviter is no longer a member of the organization");

        public static readonly Error TeamNotFound =
            new(ErrorKind.Validation, "TEAM_NOT_FOUND", "Team not found");

        public static readonly Error InvalidTeamId =
            new(ErrorKind.Validation, "INVALID_TEAM_ID", "Team id contains a reserved character");

        public static readonly Error TeamLimitReached =
            new(ErrorKind.Validation, "YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS", "You have reached the maximum number of teams");

        public static readonly Error TeamMemberLimitReached =
            new(ErrorKind.Forbidden, "TEAM_MEMBER_LIMIT_REACHED", "Team member limit reached");

        public static readonly Error UnableToRemoveLastTeam =
            new(ErrorKind.Validation, "UNABLE_TO_REMOVE_LAST_TEAM", "Unable to remove last team");

        /// <summary>BetterAuth: 400 on list-team-members and remove-team-member, 403 on set-active-team; here always 400.</summary>
        public static readonly Error NotTeamMember =
            new(ErrorKind.Validation, "USER_IS_NOT_A_MEMBER_OF_THE_TEAM", "User is not a member of the team");

        public static readonly Error NoActiveTeam =
            new(ErrorKind.Validation, "YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM", "You do not have an active team");

        public static readonly Error NotAllowedToCreateTeams =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION", "You are not allowed to create teams in this organization");

        public static readonly Error NotAllowedToUpdateTeam =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM", "You are not allowed to update this team");

        public static readonly Error NotAllowedToDeleteTeam =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM", "You are not allowed to delete this team");

        public static readonly Error NotAllowedToDeleteTeams =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_DELETE_TEAMS_IN_THIS_ORGANIZATION", "You are not allowed to delete teams in this organization");

        public static readonly Error NotAllowedToAccess =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION", "You are not allowed to access this organization as an owner");

        public static readonly Error NotAllowedToAddTeamMember =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM_MEMBER", "You are not allowed to create a new member");

        public static readonly Error NotAllowedToRemoveTeamMember =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_REMOVE_A_TEAM_MEMBER", "You are not allowed to remove a team member");

        public static readonly Error DynamicAccessControlDisabled =
            new(ErrorKind.NotFound, "DYNAMIC_ACCESS_CONTROL_DISABLED", "Dynamic access control is not enabled");

        public static readonly Error MustBeInOrganizationToCreateRole =
            new(ErrorKind.Validation, "YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE", "You must be in an organization to create a role");

        public static readonly Error NotAllowedToCreateRole =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE", "You are not allowed to create a role");

        public static readonly Error NotAllowedToUpdateRole =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE", "You are not allowed to update a role");

        public static readonly Error NotAllowedToDeleteRole =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE", "You are not allowed to delete a role");

        public static readonly Error NotAllowedToReadRole =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_READ_A_ROLE", "You are not allowed to read a role");

        public static readonly Error NotAllowedToListRoles =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_LIST_A_ROLE", "You are not allowed to list a role");

        public static readonly Error TooManyRoles =
            new(ErrorKind.Validation, "TOO_MANY_ROLES", "This organization has too many roles");

        public static readonly Error InvalidResource =
            new(ErrorKind.Validation, "INVALID_RESOURCE", "The provided permission includes an invalid resource");

        public static readonly Error RoleNameTaken =
            new(ErrorKind.Validation, "ROLE_NAME_IS_ALREADY_TAKEN", "That role name is already taken");

        public static readonly Error CannotDeletePredefinedRole =
            new(ErrorKind.Validation, "CANNOT_DELETE_A_PRE_DEFINED_ROLE", "Cannot delete a pre-defined role");

        public static readonly Error RoleIsAssigned =
            new(ErrorKind.Validation, "ROLE_IS_ASSIGNED_TO_MEMBERS", "Cannot delete a role that is assigned to members. Please reassign the members to a different role first");

        /// <summary>Ours (BetterAuth checks members only): open invitations still name the role.</summary>
        public static readonly Error RoleIsInvited =
            new(ErrorKind.Validation, "ROLE_IS_NAMED_IN_PENDING_INVITATIONS", "Cannot delete or rename a role that pending invitations name. Cancel those invitations or let them expire first");

        /// <summary>Invitations per organization or per recipient per hour (Auth:Organization), with Retry-After.</summary>
        public static Error TooManyInvitations(TimeSpan retryAfter) =>
            TooManyRequests.WithMessage("Too many invitations. Please try again later.").WithRetryAfter(retryAfter);
    }
}
