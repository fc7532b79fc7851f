using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.RemoveUser;

/// <summary>POST /admin/remove-user: deletes a user as the operator's delete-user does. An administrator cannot remove themselves.</summary>
public sealed record RemoveUserCommand(string ActorId, string? UserId) : ICommand<Result<bool>>;
