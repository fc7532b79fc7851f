using AuthPlatform.Application.Admin;
using AuthPlatform.Application.Admin.BanUser;
using AuthPlatform.Application.Admin.CreateUser;
using AuthPlatform.Application.Admin.GetUser;
using AuthPlatform.Application.Admin.HasPermission;
using AuthPlatform.Application.Admin.ImpersonateUser;
using AuthPlatform.Application.Admin.ListUserAccounts;
using AuthPlatform.Application.Admin.ListUserSessions;
using AuthPlatform.Application.Admin.ListUsers;
using AuthPlatform.Application.Admin.RemoveUser;
using AuthPlatform.Application.Admin.RevokeUserSession;
using AuthPlatform.Application.Admin.RevokeUserSessions;
using AuthPlatform.Application.Admin.SetRole;
using AuthPlatform.Application.Admin.SetUserPassword;
using AuthPlatform.Application.Admin.StopImpersonating;
using AuthPlatform.Application.Admin.UnbanUser;
using AuthPlatform.Application.Admin.UpdateUser;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// User administration (BetterAuth's admin plugin), under /admin/*. Every route needs a live session and an
/// administrator ([AuthRoute(Admin = ...)], checked once by AdminRouteFilter); the ones that change who may
/// sign in need a fresh session too (docs/security.md, "Sensitive actions").
/// </summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class AdminController(ISender sender) : ControllerBase
{
    [EndpointSummary("A page of users, searched, filtered and sorted")]
    [ProducesResponseType<UserPage>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("admin/list-users")]
    [AuthRoute(Admin = AdminAction.ListUsers)]
    public async Task<IActionResult> ListUsers(
        [FromQuery] string? searchValue, [FromQuery] string? searchField, [FromQuery] string? searchOperator,
        [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] string? sortBy, [FromQuery] string? sortDirection,
        [FromQuery] string? filterField, [FromQuery] string? filterValue, [FromQuery] string? filterOperator,
        CancellationToken cancellationToken) =>
        Answer(await sender.Send(new ListUsersQuery(searchValue, searchField, searchOperator, limit, offset, sortBy, sortDirection, filterField, filterValue, filterOperator), cancellationToken));

    [EndpointSummary("Replaces a user's roles")]
    [ProducesResponseType<AdminUserResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/set-role")]
    [AuthRoute(Admin = AdminAction.ChangeRole, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> SetRole([FromBody] SetRoleRequest request, CancellationToken cancellationToken)
    {
        if (request.Roles() is not { } roles)
        {
            return ProblemWriter.Result(HttpContext, Errors.Admin.InvalidRoleType);
        }

        return AnswerUser(await sender.Send(new SetRoleCommand(request.UserId, roles), cancellationToken));
    }

    [EndpointSummary("Bans a user: no sign-in, every session ended")]
    [ProducesResponseType<AdminUserResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/ban-user")]
    [AuthRoute(Admin = AdminAction.BanUsers, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> BanUser([FromBody] BanUserRequest request, CancellationToken cancellationToken) =>
        AnswerUser(await sender.Send(new BanUserCommand(HttpContext.CurrentSession().User.Id, request.UserId, request.BanReason, request.BanExpiresIn), cancellationToken));

    [EndpointSummary("Lifts a user's ban")]
    [ProducesResponseType<AdminUserResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/unban-user")]
    [AuthRoute(Admin = AdminAction.BanUsers)]
    public async Task<IActionResult> UnbanUser([FromBody] AdminUserRequest request, CancellationToken cancellationToken) =>
        AnswerUser(await sender.Send(new UnbanUserCommand(request.UserId), cancellationToken));

    [EndpointSummary("A user's live sessions")]
    [ProducesResponseType<AdminSessionsResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/list-user-sessions")]
    [AuthRoute(Admin = AdminAction.ListSessions)]
    public async Task<IActionResult> ListUserSessions([FromBody] AdminUserRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListUserSessionsQuery(request.UserId), cancellationToken);
        return result.IsSuccess ? Ok(new AdminSessionsResponse(result.Value)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    /// <summary>Ours (BetterAuth's admin plugin has none): what the console's user page shows besides sessions.</summary>
    [EndpointSummary("A user's accounts (password, identity providers), passkeys and whether a TOTP second factor is on")]
    [ProducesResponseType<UserAccounts>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("admin/list-user-accounts")]
    [AuthRoute(Admin = AdminAction.GetUser)]
    public async Task<IActionResult> ListUserAccounts([FromQuery] string? userId, CancellationToken cancellationToken) =>
        Answer(await sender.Send(new ListUserAccountsQuery(userId), cancellationToken));

    [EndpointSummary("Ends one session of any user, by id")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/revoke-user-session")]
    [AuthRoute(Admin = AdminAction.RevokeSessions)]
    public async Task<IActionResult> RevokeUserSession([FromBody] RevokeUserSessionRequest request, CancellationToken cancellationToken) =>
        AnswerSuccess(await sender.Send(new RevokeUserSessionCommand(request.SessionToken), cancellationToken));

    [EndpointSummary("Ends every session of a user")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/revoke-user-sessions")]
    [AuthRoute(Admin = AdminAction.RevokeSessions)]
    public async Task<IActionResult> RevokeUserSessions([FromBody] AdminUserRequest request, CancellationToken cancellationToken) =>
        AnswerSuccess(await sender.Send(new RevokeUserSessionsCommand(request.UserId), cancellationToken));

    [EndpointSummary("Deletes a user")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/remove-user")]
    [AuthRoute(Admin = AdminAction.DeleteUsers, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> RemoveUser([FromBody] AdminUserRequest request, CancellationToken cancellationToken) =>
        AnswerSuccess(await sender.Send(new RemoveUserCommand(HttpContext.CurrentSession().User.Id, request.UserId), cancellationToken));

    [EndpointSummary("Opens a session as another user, for an hour; the administrator's own session is held aside")]
    [ProducesResponseType<SessionResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("admin/impersonate-user")]
    [AuthRoute(Admin = AdminAction.Impersonate, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> ImpersonateUser([FromBody] AdminUserRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();
        var held = new HeldAdminSession(HttpContext.SessionAuthentication().Token!.Value, current.RememberMe);
        var result = await sender.Send(new ImpersonateUserCommand(current.User.Id, request.UserId, held, RequestContext.ClientOf(HttpContext)), cancellationToken);
        return result.IsSuccess ? this.SignedIn(result.Value, s => new SessionResponse(s.Session, s.User)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    /// <summary>Any session may ask; only an impersonation session holding its administrator's live session succeeds.</summary>
    [EndpointSummary("Ends an impersonation and gives the administrator their own session back")]
    [ProducesResponseType<SessionResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("admin/stop-impersonating")]
    public async Task<IActionResult> StopImpersonating(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new StopImpersonatingCommand(HttpContext.CurrentSession(), HttpContext.HeldAdminSessionToken()), cancellationToken);
        return result.IsSuccess ? this.SignedIn(result.Value, s => new SessionResponse(s.Session, s.User)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("One user")]
    [ProducesResponseType<AdminUserDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("admin/get-user")]
    [AuthRoute(Admin = AdminAction.GetUser)]
    public async Task<IActionResult> GetUser([FromQuery] string? id, CancellationToken cancellationToken) =>
        Answer(await sender.Send(new GetUserQuery(id), cancellationToken));

    [EndpointSummary("Creates a user, with or without a password")]
    [ProducesResponseType<AdminUserResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/create-user")]
    [AuthRoute(Admin = AdminAction.CreateUsers, HashesPasswords = true)]
    public async Task<IActionResult> CreateUser([FromBody] CreateUserRequest request, CancellationToken cancellationToken)
    {
        var (roles, problem) = request.ReadRoles();
        if (problem is not null)
        {
            return ProblemWriter.Result(HttpContext, problem);
        }

        return AnswerUser(await sender.Send(new CreateUserCommand(HttpContext.CurrentSession().User.Id, request.Email, request.Password, request.Name, roles), cancellationToken));
    }

    [EndpointSummary("Changes a user's name, image, address or roles")]
    [ProducesResponseType<AdminUserDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/update-user")]
    [AuthRoute(Admin = AdminAction.UpdateUsers, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> UpdateUser([FromBody] AdminUpdateUserRequest request, CancellationToken cancellationToken)
    {
        var (changes, problem) = request.ReadChanges();
        if (problem is not null)
        {
            return ProblemWriter.Result(HttpContext, problem);
        }

        return Answer(await sender.Send(new UpdateUserCommand(HttpContext.CurrentSession().User.Id, request.UserId, changes!), cancellationToken));
    }

    [EndpointSummary("Sets a user's password; their sessions stay")]
    [ProducesResponseType<PasswordSetResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/set-user-password")]
    [AuthRoute(Admin = AdminAction.SetUserPassword, Needs = SensitiveProof.FreshSession, HashesPasswords = true)]
    public async Task<IActionResult> SetUserPassword([FromBody] SetUserPasswordRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SetUserPasswordCommand(request.UserId, request.NewPassword), cancellationToken);
        return result.IsSuccess ? Ok(new PasswordSetResponse(Status: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    /// <summary>Any signed-in user may ask what their own roles allow; <c>userId</c> and <c>role</c> are not read over HTTP (BetterAuth).</summary>
    [EndpointSummary("Whether the signed-in user's roles grant the given statements")]
    [ProducesResponseType<PermissionCheckResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("admin/has-permission")]
    public async Task<IActionResult> HasPermission([FromBody] HasPermissionRequest request, CancellationToken cancellationToken)
    {
        var (permissions, problem) = request.ReadPermissions();
        if (problem is not null)
        {
            return ProblemWriter.Result(HttpContext, problem);
        }

        var result = await sender.Send(new HasPermissionQuery(HttpContext.CurrentSession().User.Id, permissions!), cancellationToken);
        return result.IsSuccess ? Ok(new PermissionCheckResponse(Error: null, Success: result.Value)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    private IActionResult Answer<T>(Result<T> result) =>
        result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);

    private IActionResult AnswerUser(Result<AdminUserDto> result) =>
        result.IsSuccess ? Ok(new AdminUserResponse(result.Value)) : ProblemWriter.Result(HttpContext, result.Error!);

    private IActionResult AnswerSuccess(Result<bool> result) =>
        result.IsSuccess ? Ok(new SuccessResponse(Success: true)) : ProblemWriter.Result(HttpContext, result.Error!);
}
