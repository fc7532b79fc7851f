using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using Mediator;

namespace AuthPlatform.Application.Admin.ImpersonateUser;

/// <summary>
/// POST /admin/impersonate-user: the administrator <paramref name="ActorId"/> (allowed to impersonate) opens a
/// session as <paramref name="UserId"/>; their own session (<paramref name="AdminSession"/>) is held aside for
/// stop-impersonating. Another administrator only with impersonate-admins or Auth:Admin:AllowImpersonatingAdmins.
/// </summary>
public sealed record ImpersonateUserCommand(string ActorId, string? UserId, HeldAdminSession AdminSession, ClientInfo Client)
    : ICommand<Result<SignInOutcome>>;
