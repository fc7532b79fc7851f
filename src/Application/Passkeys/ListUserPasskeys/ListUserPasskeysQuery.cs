using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Passkeys.ListUserPasskeys;

/// <summary>The caller's passkeys, oldest first. GET /passkey/list-user-passkeys.</summary>
public sealed record ListUserPasskeysQuery(string UserId) : IQuery<Result<IReadOnlyList<PasskeyDto>>>;
