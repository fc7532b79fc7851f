using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Admin.StopImpersonating;

/// <summary>
/// POST /admin/stop-impersonating: ends the impersonation session <paramref name="Current"/> and gives the browser
/// back the administrator's own session, <paramref name="HeldAdminToken"/> (from admin_session), which must be live
/// and belong to the administrator who opened the impersonation.
/// </summary>
public sealed record StopImpersonatingCommand(CurrentSession Current, SessionToken? HeldAdminToken) : ICommand<Result<SignInOutcome>>;
