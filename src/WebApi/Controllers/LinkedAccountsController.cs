using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Social;
using AuthPlatform.Application.Social.GetAccessToken;
using AuthPlatform.Application.Social.LinkSocial;
using AuthPlatform.Application.Social.ListAccounts;
using AuthPlatform.Application.Social.RefreshToken;
using AuthPlatform.Application.Social.UnlinkAccount;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// The signed-in user's ways to sign in (BetterAuth's account routes): list them, add a provider's account
/// (link-social, a fresh session; the callback adds it), remove one (unlink-account, a fresh session; never
/// the last way to sign in), and read or refresh a provider's tokens (get-access-token, refresh-token).
/// </summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class LinkedAccountsController(ISender sender) : ControllerBase
{
    [EndpointSummary("Starts adding an identity provider's account to the current user (needs a fresh session)")]
    [ProducesResponseType<SocialRedirectResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("link-social")]
    [AuthRoute(Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> LinkSocial([FromBody] LinkSocialRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();
        var result = await sender.Send(
            new LinkSocialCommand(
                current.User.Id,
                request.Provider,
                new SocialRedirects(request.CallbackURL, request.ErrorCallbackURL, NewUserCallbackUrl: null),
                request.Scopes,
                request.LoginHint,
                HasIdToken: request.IdToken is { ValueKind: not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined }),
            cancellationToken);
        return result.IsSuccess ? this.ProviderRedirect(result.Value, request.DisableRedirect ?? false) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("The current user's accounts: the password and each identity provider's account")]
    [ProducesResponseType<IReadOnlyList<AccountDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpGet("list-accounts")]
    public async Task<IActionResult> ListAccounts(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListAccountsQuery(HttpContext.CurrentSession().User.Id), cancellationToken);
        return result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Removes one of the current user's accounts, never the last way to sign in (needs a fresh session)")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("unlink-account")]
    [AuthRoute(Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> UnlinkAccount([FromBody] UnlinkAccountRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new UnlinkAccountCommand(HttpContext.CurrentSession().User.Id, request.AccountId, request.ProviderId), cancellationToken);
        return result.IsSuccess ? Ok(new StatusResponse(Status: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("The current user's access token at an identity provider, refreshed first when it is about to expire")]
    [ProducesResponseType<AccessTokenResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("get-access-token")]
    public async Task<IActionResult> GetAccessToken([FromBody] AccountTokenRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetAccessTokenCommand(HttpContext.CurrentSession().User.Id, request.AccountId, request.ProviderId), cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        var tokens = result.Value.Tokens;
        return Ok(new AccessTokenResponse
        {
            AccessToken = tokens.AccessToken!,
            AccessTokenExpiresAt = tokens.AccessTokenExpiresAt,
            Scopes = result.Value.Account.Scopes,
            IdToken = tokens.IdToken,
        });
    }

    [EndpointSummary("Refreshes the current user's tokens at an identity provider (its refresh_token grant)")]
    [ProducesResponseType<RefreshedTokensResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("refresh-token")]
    public async Task<IActionResult> RefreshToken([FromBody] AccountTokenRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RefreshTokenCommand(HttpContext.CurrentSession().User.Id, request.AccountId, request.ProviderId), cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        var (account, tokens) = (result.Value.Account, result.Value.Tokens);
        return Ok(new RefreshedTokensResponse
        {
            AccessToken = tokens.AccessToken,
            RefreshToken = tokens.RefreshToken,
            AccessTokenExpiresAt = tokens.AccessTokenExpiresAt,
            RefreshTokenExpiresAt = tokens.RefreshTokenExpiresAt,
            Scope = account.Scope,
            IdToken = tokens.IdToken,
            ProviderId = account.ProviderId,
            AccountId = account.Id,
        });
    }
}
