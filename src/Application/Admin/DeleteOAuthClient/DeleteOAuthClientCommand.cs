using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.DeleteOAuthClient;

/// <summary>Deletes an OAuth client with its consents and tokens: its refresh tokens stop at once (POST /admin/oauth2/delete-client).</summary>
public sealed record DeleteOAuthClientCommand(string? ClientId) : ICommand<Result<bool>>;
